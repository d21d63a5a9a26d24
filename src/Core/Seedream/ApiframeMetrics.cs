using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Apiframe call instruments (meter <c>SeedreamBot.Apiframe</c>): the duration of every HTTP attempt and the attempts
/// that failed, tagged by client (<c>api</c> or <c>cdn</c>), operation and status, so a dashboard shows how Apiframe
/// answers independently of what members saw after retries.
/// </summary>
public sealed class ApiframeMetrics
{
    public const string MeterName = "SeedreamBot.Apiframe";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _noticeDelay;

    public ApiframeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            "seedreambot.apiframe.request.duration",
            unit: "s",
            description: "Apiframe HTTP attempts (each retry counts), by client, operation and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        _errors = meter.CreateCounter<long>(
            "seedreambot.apiframe.errors",
            unit: "{attempt}",
            description: "Apiframe HTTP attempts that failed (non-2xx status, network error, timeout), by client, operation and status.");
        _webhooks = meter.CreateCounter<long>(
            "seedreambot.apiframe.webhooks",
            unit: "{request}",
            description: "Webhook requests from Apiframe, by event and outcome (delivered, kept, late, bad_signature, unreadable).");
        _noticeDelay = meter.CreateHistogram<double>(
            "seedreambot.apiframe.job.notice_delay",
            unit: "s",
            description: "From Apiframe finishing a job (its completedAt) to the bot knowing, by source (webhook or poll).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
    }

    /// <summary>Counts one webhook request.</summary>
    public void WebhookReceived(string @event, string outcome) =>
        _webhooks.Add(1, new TagList { { "event", @event }, { "outcome", outcome } });

    /// <summary>Records how long after Apiframe finished a job the bot learned it (never negative: clocks differ).</summary>
    public void JobNoticed(string source, TimeSpan delay) =>
        _noticeDelay.Record(Math.Max(0, delay.TotalSeconds), new TagList { { "source", source } });

    /// <summary>Records one attempt; <paramref name="status"/> is the HTTP status code or a failure word (network, canceled).</summary>
    public void Attempted(string client, string operation, string status, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "client", client }, { "operation", operation }, { "status", status } };
        _duration.Record(duration.TotalSeconds, tags);
        if (!succeeded)
        {
            _errors.Add(1, tags);
        }
    }
}
