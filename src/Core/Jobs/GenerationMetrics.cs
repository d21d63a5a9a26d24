using System.Diagnostics.Metrics;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Generation instruments (meter <c>SeedreamBot.Generation</c>): outcomes, credits spent, progress edits, and
/// the queue's depth and in-flight count. The bot exports them to Prometheus.
/// </summary>
public sealed class GenerationMetrics
{
    public const string MeterName = "SeedreamBot.Generation";

    private readonly Counter<long> _generations;
    private readonly Counter<long> _creditsSpent;
    private readonly Histogram<int> _progressEdits;
    private Func<int> _waiting = () => 0;
    private Func<int> _running = () => 0;

    public GenerationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _generations = meter.CreateCounter<long>(
            "seedreambot.generations", unit: "{generation}", description: "Generations that ended, by outcome.");
        _creditsSpent = meter.CreateCounter<long>(
            "seedreambot.credits.spent", unit: "{credit}", description: "Member credits settled for delivered images.");
        _progressEdits = meter.CreateHistogram<int>(
            "seedreambot.generation.progress_edits", unit: "{edit}", description: "Progress edits made per job.");
        meter.CreateObservableGauge(
            "seedreambot.queue.depth", () => _waiting(), unit: "{generation}", description: "Generations waiting for a slot.");
        meter.CreateObservableGauge(
            "seedreambot.jobs.in_flight", () => _running(), unit: "{generation}", description: "Generations running at Apiframe.");
    }

    /// <summary>Connects the gauges to the live queue.</summary>
    public void Observe(Func<int> waiting, Func<int> running)
    {
        _waiting = waiting;
        _running = running;
    }

    public void Finished(GenerationRecord generation, bool delivered, string? failureKind)
    {
        _generations.Add(
            1,
            new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"),
            new KeyValuePair<string, object?>("reason", failureKind ?? "none"),
            new KeyValuePair<string, object?>("origin", generation.Origin.ToString()));
        if (delivered)
        {
            _creditsSpent.Add(generation.Cost);
        }
    }

    public void ProgressEdits(int count) => _progressEdits.Record(count);
}
