namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Where a generation is in its life. Each state is persisted before the step that depends on it, so a restart
/// resumes from the last state that was safely written.
/// </summary>
public enum GenerationState
{
    /// <summary>Queued for a slot (or for submission after a restart): the credits are held.</summary>
    Queued,

    /// <summary>Apiframe accepted it; <see cref="GenerationRecord.JobId"/> is set.</summary>
    Submitted,

    /// <summary>The image reached the member; the hold was (or is about to be) settled.</summary>
    Delivered,

    /// <summary>No image; the hold was (or is about to be) released.</summary>
    Failed,

    /// <summary>
    /// The request is recorded (who, what, which interaction token) before Discord is answered; no credits are held
    /// yet (or a hold was just placed). A restart ends it with "the bot restarted before this could start".
    /// </summary>
    Pending,

    /// <summary>
    /// The image is being posted. Discord may have it even if the bot never learned so: a restart first asks Discord
    /// whether it is there, and only posts it again when it is not.
    /// </summary>
    Delivering,
}
