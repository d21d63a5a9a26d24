using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Takes Apiframe's webhook requests: checks <c>X-Webhook-Signature</c> over the raw body with the secret derived from
/// <c>Apiframe:ApiKey</c>, reads the event as the job document a poll would have returned, and publishes it to
/// <see cref="ApiframeJobUpdates"/>, which wakes the job's poller. Nothing from an unsigned request is ever read.
/// </summary>
public sealed class ApiframeWebhookReceiver
{
    private readonly byte[] _secret;
    private readonly ApiframeJobUpdates _updates;
    private readonly ApiframeMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiframeWebhookReceiver> _logger;
    private long _lastRefusalLog = long.MinValue;

    public ApiframeWebhookReceiver(
        IOptions<ApiframeOptions> options,
        ApiframeJobUpdates updates,
        ApiframeMetrics metrics,
        TimeProvider time,
        ILogger<ApiframeWebhookReceiver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secret = ApiframeWebhookSignature.SecretFor(options.Value.ApiKey);
        _updates = updates;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Refused requests are logged at most this often: anyone can POST to a public URL.</summary>
    public static TimeSpan RefusalLogInterval { get; } = TimeSpan.FromMinutes(1);

    public ApiframeWebhookReceipt Receive(ReadOnlySpan<byte> body, string? signature)
    {
        if (!ApiframeWebhookSignature.Verify(body, signature, _secret))
        {
            _metrics.WebhookReceived("unknown", "bad_signature");
            if (ShouldLogRefusal())
            {
                SeedreamLog.WebhookBadSignature(_logger, string.IsNullOrWhiteSpace(signature) ? "no signature" : "a signature that does not match Apiframe:ApiKey");
            }

            return ApiframeWebhookReceipt.BadSignature;
        }

        WebhookEventBody? received;
        try
        {
            received = JsonSerializer.Deserialize(body, ApiframeJsonContext.Default.WebhookEventBody);
        }
        catch (JsonException)
        {
            received = null;
        }

        var update = received?.ToJob();
        if (update is null || string.IsNullOrWhiteSpace(update.Id) || !JobStatuses.TryParse(update.Status, out _))
        {
            _metrics.WebhookReceived(EventName(received), "unreadable");
            SeedreamLog.WebhookUnreadable(_logger, received?.Event ?? "(none)", received?.JobId ?? "(none)");
            return ApiframeWebhookReceipt.Unreadable;
        }

        var outcome = _updates.Publish(update);
        _metrics.WebhookReceived(EventName(received), outcome.ToString().ToLowerInvariant());
        SeedreamLog.WebhookReceived(_logger, update.Id, received!.Event ?? "(none)", update.Status!, outcome);
        return ApiframeWebhookReceipt.Accepted;
    }

    private bool ShouldLogRefusal()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefusalLog);
        return (last == long.MinValue || _time.GetElapsedTime(last, now) >= RefusalLogInterval)
               && Interlocked.CompareExchange(ref _lastRefusalLog, now, last) == last;
    }

    // A bounded tag: only the documented event names, anything else counts as "other".
    private static string EventName(WebhookEventBody? received) => received?.Event?.Trim().ToLowerInvariant() switch
    {
        "progress" => "progress",
        "completed" => "completed",
        "failed" => "failed",
        _ => "other",
    };
}
