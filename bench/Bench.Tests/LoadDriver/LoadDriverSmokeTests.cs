using SeedreamBot.Bench.LoadDriver;

namespace SeedreamBot.Bench.Tests.LoadDriver;

/// <summary>
/// Each scenario runs for real (the bot as a child process against the fakes) at tiny sizes and with millisecond
/// intervals, and must produce every number of its table. No timing is asserted: these guard the driver, not the bot.
/// </summary>
[Collection(BotProcesses.Name)]
public sealed class LoadDriverSmokeTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "seedreambot-bench-test-" + Guid.NewGuid().ToString("N"));

    private LoadDriverOptions Tiny => LoadDriverOptions.QuickRun with
    {
        OutputDirectory = _output,
        RunIdle = false,
        RunAck = false,
        RunGenerations = false,
        RunLarge = false,
        RunWebhooks = false,
        IdleTime = TimeSpan.FromMilliseconds(500),
        AckBurstSizes = [5],
        WarmupInteractions = 1,
        WarmupGenerations = 1,
        Generations = 3,
        WebhookGenerations = 3,
        JobDuration = TimeSpan.FromMilliseconds(600),
        GenerationImageBytes = 100_000,
        LargeResults = 3,
        LargeImageBytes = 1_000_000,
        WaitTimeout = TimeSpan.FromSeconds(60),

        // Wide enough that a loaded machine never turns an answer into a miss: every interaction must be answered.
        AckWindow = TimeSpan.FromSeconds(60),
        BotSettings = new Dictionary<string, string>
        {
            ["Apiframe:PollInterval"] = "00:00:00.100",
            ["Apiframe:MaxPollInterval"] = "00:00:00.200",
            ["Generation:ProgressUpdateInterval"] = "00:00:00.100",
        },
    };

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task Idle_and_ack_bursts_measure_every_interaction_and_write_their_rows()
    {
        var report = await LoadDriverRun.RunAsync(Tiny with { RunIdle = true, RunAck = true }, TextWriter.Null, CancellationToken.None);

        Assert.NotNull(report.Idle);
        Assert.InRange(report.Idle.WorkingSetBytes, 10_000_000, 2_000_000_000);
        var burst = Assert.Single(report.AckBursts);
        Assert.Equal(5, burst.Size);

        // Every interaction answered within the (widened) window and measured once; how fast is the benchmark's
        // business, not CI's. A driver that lost or double-counted an answer fails here.
        Assert.Equal(5, burst.Latency.Count);
        Assert.Equal((0, 0), (burst.Missed, burst.UnknownInteractionErrors));
        Assert.Equal(0, burst.NotDeferred);
        Assert.True(burst.Latency.Max >= burst.Latency.P99 && burst.Latency.P99 >= burst.Latency.P50);
        Assert.True(burst.CpuPerInteraction > TimeSpan.Zero);
        Assert.NotNull(burst.BotSide);
        Assert.InRange(burst.BotSide.Observations, 1, 5);

        var targets = await File.ReadAllTextAsync(Path.Combine(_output, LoadDriverRun.TargetsFile));
        Assert.Contains("idle working set", targets, StringComparison.Ordinal);
        Assert.Contains("quick run: measured at 5", targets, StringComparison.Ordinal);
        var details = await File.ReadAllTextAsync(Path.Combine(_output, LoadDriverRun.DetailsFile));
        Assert.Contains("| 5 | ", details, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "logs", "ack-5.log")));
    }

    [Fact]
    public async Task Complete_generations_are_counted_per_generation()
    {
        var report = await LoadDriverRun.RunAsync(Tiny with { RunGenerations = true }, TextWriter.Null, CancellationToken.None);

        var generations = report.Generations;
        Assert.NotNull(generations);
        Assert.Equal(0, generations.Failed);
        Assert.True(generations.CpuPerGeneration > TimeSpan.Zero);
        Assert.True(generations.MeanWallTime >= Tiny.JobDuration, $"wall time {generations.MeanWallTime}");

        // At least: the deferral, one progress edit, the delivery; a submit and a poll; exactly one download each.
        Assert.True(generations.DiscordCallsPerGeneration >= 3, $"{generations.DiscordCallsPerGeneration} Discord calls");
        Assert.True(generations.ApiframeCallsPerGeneration >= 2, $"{generations.ApiframeCallsPerGeneration} Apiframe calls");
        Assert.Equal(1.0, generations.CdnDownloadsPerGeneration);
        Assert.True(generations.MeanPolls >= 1 && generations.MaxPolls >= 1);
        Assert.True(generations.MeanProgressEdits >= 1);
        Assert.True(generations.PeakWorkingSetBytes > 0);

        // Causal order: submitted after the dispatch, posted after the download.
        Assert.True(generations.Stages.Submit > TimeSpan.Zero && generations.Stages.Delivery > TimeSpan.Zero, generations.Stages.ToString());
        Assert.Equal(3, report.Targets().Count(t => t.Passed is not null));
    }

    [Fact]
    public async Task Detection_is_measured_for_every_job_in_both_modes_and_webhooks_tell_of_the_end()
    {
        var report = await LoadDriverRun.RunAsync(Tiny with { RunWebhooks = true }, TextWriter.Null, CancellationToken.None);

        var detection = report.Webhooks;
        Assert.NotNull(detection);
        foreach (var run in new[] { detection.Polling, detection.Webhooks })
        {
            Assert.Equal((3, 0), (run.Generations, run.Failed));
            Assert.Equal(3, run.Detection.Count);
            Assert.True(run.MeanPolls >= 1, $"{run.Mode}: {run.MeanPolls} polls per job");
            Assert.NotNull(run.BotSide);
            Assert.Equal(3, run.BotSide.Observations);
        }

        // Without webhooks only polls can tell; with them (safety-net polls 20 s apart) the webhook tells of every end.
        Assert.Equal(0, detection.Polling.KnownByWebhook);
        Assert.Equal(3, detection.Webhooks.KnownByWebhook);
        Assert.Contains(report.Targets(), t => t.Target.Contains("bot knows", StringComparison.Ordinal) && t.Passed is not null);
        Assert.True(File.Exists(Path.Combine(_output, "logs", "detection-webhooks.log")));
    }

    [Fact]
    public async Task Large_results_are_measured_against_the_bytes_in_flight()
    {
        var report = await LoadDriverRun.RunAsync(Tiny with { RunLarge = true }, TextWriter.Null, CancellationToken.None);

        var large = report.Large;
        Assert.NotNull(large);
        Assert.Equal(0, large.Failed);
        Assert.InRange(large.PeakImagesInFlight, 1, large.Generations);
        Assert.True(large.PeakBytes >= large.BaselineBytes);
        Assert.Contains(report.Targets(), t => t.Target.Contains("copies", StringComparison.Ordinal) && t.Passed is not null);
    }
}
