namespace SeedreamBot.Core.Jobs;

public enum GenerationFailureKind
{
    /// <summary>Apiframe refused, failed or timed out; see <see cref="GenerationFailure.Apiframe"/>.</summary>
    Apiframe,

    /// <summary>The image was made but could not be shown to the member.</summary>
    DeliveryFailed,

    /// <summary>Something broke on the bot's side (a bug or a storage failure).</summary>
    Internal,
}
