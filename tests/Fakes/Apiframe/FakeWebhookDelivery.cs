namespace SeedreamBot.Fakes.Apiframe;

/// <summary>One webhook request the fake sent (or dropped on purpose), as a test sees it.</summary>
public sealed class FakeWebhookDelivery
{
    internal FakeWebhookDelivery(long sequence, FakeWebhookEvent raised, Uri url, string body, string signature, DateTimeOffset raisedAt, bool dropped)
    {
        Sequence = sequence;
        Raised = raised;
        Url = url;
        Body = body;
        Signature = signature;
        RaisedAt = raisedAt;
        Dropped = dropped;
    }

    /// <summary>1 for the first event raised, then 2, 3, … (a duplicate is a delivery of its own).</summary>
    public long Sequence { get; }

    public FakeWebhookEvent Raised { get; }

    public string JobId => Raised.JobId;

    public string Event => Raised.Event;

    public Uri Url { get; }

    /// <summary>The JSON body exactly as sent.</summary>
    public string Body { get; }

    /// <summary>The <c>X-Webhook-Signature</c> header.</summary>
    public string Signature { get; }

    /// <summary>When the job changed (the fake's clock).</summary>
    public DateTimeOffset RaisedAt { get; }

    /// <summary>Never sent, by <see cref="FakeWebhookSettings.Drop"/>.</summary>
    public bool Dropped { get; }

    /// <summary>When the request went out; null until then (or when dropped).</summary>
    public DateTimeOffset? SentAt { get; internal set; }

    /// <summary>When the receiver's answer arrived; null until then, or when none came.</summary>
    public DateTimeOffset? AnsweredAt { get; internal set; }

    /// <summary>The receiver's HTTP status; 0 when the request failed (refused, reset, timed out).</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>Why the request failed, when it did.</summary>
    public string? Error { get; internal set; }

    /// <summary>Answered 2xx.</summary>
    public bool Accepted => StatusCode is >= 200 and < 300;

    public override string ToString() =>
        $"#{Sequence} {Event} {JobId} → {(Dropped ? "dropped" : StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pending")}";
}
