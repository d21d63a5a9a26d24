namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Where a generation is in its life. Each state is persisted before the step that depends on it, so a restart
/// resumes from the last state that was safely written.
/// </summary>
public enum GenerationState
{
    /// <summary>Credits held, waiting for a slot (or for submission after a restart).</summary>
    Queued,

    /// <summary>Apiframe accepted it; <see cref="GenerationRecord.JobId"/> is set.</summary>
    Submitted,

    /// <summary>The image reached the member; the hold was (or is about to be) settled.</summary>
    Delivered,

    /// <summary>No image; the hold was (or is about to be) released.</summary>
    Failed,
}
