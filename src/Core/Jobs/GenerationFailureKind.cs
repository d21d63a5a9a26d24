namespace SeedreamBot.Core.Jobs;

public enum GenerationFailureKind
{
    /// <summary>Apiframe refused, failed or timed out; see <see cref="GenerationFailure.Apiframe"/>.</summary>
    Apiframe,

    /// <summary>The image was made but could not be shown to the member.</summary>
    DeliveryFailed,

    /// <summary>Something broke on the bot's side (a bug or a storage failure).</summary>
    Internal,

    /// <summary>The bot restarted after the request was answered but before it started (no job at Apiframe).</summary>
    Restarted,

    /// <summary>Processing was started <c>Generation:MaxAttempts</c> times without finishing (each start ended in a crash).</summary>
    TooManyAttempts,
}
