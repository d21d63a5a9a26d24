namespace SeedreamBot.Core.Seedream;

/// <summary>What became of a job update pushed by a webhook.</summary>
public enum JobUpdatePublish
{
    /// <summary>A poller of this job was waiting and has it now.</summary>
    Delivered,

    /// <summary>Nobody is polling the job yet (the webhook beat the poller, or another process owns it): kept for a while.</summary>
    Kept,

    /// <summary>The job already ended here: a late or duplicate event, ignored.</summary>
    Late,
}
