using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Why a generation ended without an image. Apiframe's reasons keep their kind; problems on our side of the
/// delivery (Discord refused the upload, the channel is gone) are <see cref="GenerationFailureKind.DeliveryFailed"/>.
/// </summary>
public sealed record GenerationFailure(GenerationFailureKind Kind, string Message, ApiframeFailure? Apiframe = null)
{
    /// <summary>For <see cref="GenerationFailureKind.TooManyAttempts"/>: how many times processing started.</summary>
    public int Attempts { get; init; }

    /// <summary>True when the operator must act (bad API key, Apiframe out of credits).</summary>
    public bool IsOperatorProblem => Apiframe?.IsOperatorProblem ?? false;

    public static GenerationFailure FromApiframe(ApiframeFailure failure) =>
        new(GenerationFailureKind.Apiframe, failure.Message, failure);

    public static GenerationFailure Delivery(string message) => new(GenerationFailureKind.DeliveryFailed, message);

    public static GenerationFailure Internal(string message) => new(GenerationFailureKind.Internal, message);

    public static GenerationFailure Restarted() =>
        new(GenerationFailureKind.Restarted, "The bot restarted before this could start.");

    public static GenerationFailure TooManyAttempts(int attempts) =>
        new(GenerationFailureKind.TooManyAttempts, $"Processing was interrupted {attempts} times, so the bot gave up on it.")
        {
            Attempts = attempts,
        };
}
