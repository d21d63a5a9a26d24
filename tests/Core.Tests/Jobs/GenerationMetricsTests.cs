using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NSubstitute;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>
/// The generation instruments operators graph: what each outcome adds, with which tags, and what the gauges read.
/// Only this pipeline's meter is listened to (its <see cref="IMeterFactory"/> is the meter's scope), so pipelines of
/// tests running in parallel cannot add to the counts.
/// </summary>
public sealed class GenerationMetricsTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public GenerationMetricsTests()
    {
        var factory = _pipeline.Get<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GenerationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _pipeline.Dispose();
    }

    [Fact]
    public async Task A_delivered_generation_counts_once_as_delivered_and_adds_its_cost_to_the_credits_spent()
    {
        _pipeline.ApiframeSucceeds();
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        var ended = Assert.Single(Of("seedreambot.generations"));
        Assert.Equal("{generation}", ended.Unit);
        Assert.Equal(1, ended.Value);
        Assert.Equal(("delivered", "none", "Imagine"), (ended.Tag("outcome"), ended.Tag("reason"), ended.Tag("origin")));
        var spent = Assert.Single(Of("seedreambot.credits.spent"));
        Assert.Equal(("{credit}", 4L), (spent.Unit, spent.Value));
        var edits = Assert.Single(Of("seedreambot.generation.progress_edits"));
        Assert.Equal(("{edit}", 0L), (edits.Unit, edits.Value));
    }

    [Fact]
    public async Task A_failed_generation_counts_as_failed_with_the_Apiframe_reason_and_spends_nothing()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<CompletedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.JobFailed, "provider error")));

        await _pipeline.Processor.ProcessAsync(_pipeline.Start(1).Generation!, CancellationToken.None);

        var ended = Assert.Single(Of("seedreambot.generations"));
        Assert.Equal((1L, "failed", "JobFailed"), (ended.Value, ended.Tag("outcome"), ended.Tag("reason")));
        Assert.Empty(Of("seedreambot.credits.spent"));
    }

    [Fact]
    public async Task A_failure_without_an_Apiframe_cause_is_tagged_with_the_bot_s_own_reason()
    {
        var generation = _pipeline.Start(1).Generation!;
        generation.Attempts = _pipeline.Get<Microsoft.Extensions.Options.IOptionsMonitor<GenerationOptions>>().CurrentValue.MaxAttempts;
        _pipeline.Store.Save(generation);

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        var ended = Assert.Single(Of("seedreambot.generations"));
        Assert.Equal(("failed", nameof(GenerationFailureKind.TooManyAttempts)), (ended.Tag("outcome"), ended.Tag("reason")));
    }

    [Fact]
    public void The_gauges_read_the_live_queue_depth_and_jobs_in_flight()
    {
        // No scheduler loop runs here, so what is started stays waiting.
        Assert.True(_pipeline.Start(1).Started);
        Assert.True(_pipeline.Start(2).Started);
        Assert.True(_pipeline.Start(2, "a dog").Started);

        _listener.RecordObservableInstruments();

        var depth = Assert.Single(Of("seedreambot.queue.depth"));
        Assert.Equal(("{generation}", 3L), (depth.Unit, depth.Value));
        var inFlight = Assert.Single(Of("seedreambot.jobs.in_flight"));
        Assert.Equal(("{generation}", 0L), (inFlight.Unit, inFlight.Value));
    }

    private List<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray()));

    private sealed record Measurement(string Instrument, string? Unit, long Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string key) => Tags.SingleOrDefault(tag => tag.Key == key).Value as string;
    }
}
