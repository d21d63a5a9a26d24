namespace SeedreamBot.Core.Seedream;

/// <summary>How the bot answers a webhook request.</summary>
public enum ApiframeWebhookReceipt
{
    /// <summary>Signed with the key's secret and readable: handed to the job's poller (or kept for it, or ignored as late).</summary>
    Accepted,

    /// <summary>No signature, or not Apiframe's: nothing was done (401).</summary>
    BadSignature,

    /// <summary>Signed, but not an event the bot can read (no job id, not JSON): nothing was done (400).</summary>
    Unreadable,
}
