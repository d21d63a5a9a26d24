using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Shows a generation to the member: the bot implements it with Discord messages. Core calls it in order for one
/// generation (never two calls at once for the same generation), already throttled.
/// </summary>
public interface IGenerationPresenter
{
    /// <summary>The generation waits for a slot: show its place in line and the ETA.</summary>
    Task ShowQueuedAsync(GenerationRecord generation, QueueStatus status, CancellationToken cancellationToken);

    /// <summary>The job runs: show its status and percentage.</summary>
    Task ShowProgressAsync(GenerationRecord generation, JobProgress progress, CancellationToken cancellationToken);

    /// <summary>
    /// Shows the finished image. Throws when it could not be shown at all (the member then is not charged); the
    /// receipt says where it ended up.
    /// </summary>
    Task<DeliveryReceipt> DeliverAsync(GenerationRecord generation, GenerationResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Asks Discord whether this generation's result is already shown (its message carries the result), for a restart
    /// after an upload whose outcome was never stored and for an upload that failed unclearly (a timeout, a 5xx).
    /// The receipt when it is there, null when it is not; throws when Discord could not tell.
    /// </summary>
    Task<DeliveryReceipt?> FindDeliveredAsync(GenerationRecord generation, CancellationToken cancellationToken);

    /// <summary>Explains that no image came and that the member was not charged (removing any attachment).</summary>
    Task ShowFailureAsync(
        GenerationRecord generation,
        GenerationFailure failure,
        CreditBalance? balance,
        CancellationToken cancellationToken);
}
