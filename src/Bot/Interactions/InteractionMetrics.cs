using System.Diagnostics.Metrics;

namespace SeedreamBot.Bot.Interactions;

/// <summary>Interaction instruments (meter <c>SeedreamBot.Interactions</c>): count by command and outcome, ack latency.</summary>
public sealed class InteractionMetrics
{
    public const string MeterName = "SeedreamBot.Interactions";

    private readonly Counter<long> _handled;
    private readonly Histogram<double> _ackLatency;

    public InteractionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _handled = meter.CreateCounter<long>(
            "seedreambot.interactions", unit: "{interaction}", description: "Interactions handled, by command and outcome.");
        _ackLatency = meter.CreateHistogram<double>(
            "seedreambot.interaction.ack_latency",
            unit: "s",
            description: "From the gateway receiving an interaction to Discord accepting its initial response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5] });
    }

    public void Handled(string command, string outcome) =>
        _handled.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));

    public void Acknowledged(string command, TimeSpan latency) =>
        _ackLatency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("command", command));
}
