using System.Globalization;
using Humanizer;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Generation;

/// <summary>Why there is no image, in words a member understands (operator problems are not blamed on them).</summary>
public static class FailureReasons
{
    public static string Explain(GenerationFailure failure, TimeSpan jobTimeout, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Apiframe is not { } apiframe)
        {
            return failure.Kind switch
            {
                GenerationFailureKind.DeliveryFailed => BotText.Get(culture, "FailDelivery"),
                GenerationFailureKind.Restarted => BotText.Get(culture, "FailRestarted"),
                GenerationFailureKind.TooManyAttempts => BotText.Format(culture, "FailTooManyAttempts", failure.Attempts),
                _ => BotText.Get(culture, "FailInternal"),
            };
        }

        return apiframe.Kind switch
        {
            ApiframeFailureKind.JobFailed when IsContentPolicy(apiframe.Message) => BotText.Get(culture, "FailContentPolicy"),
            ApiframeFailureKind.JobFailed => BotText.Format(culture, "FailProvider", Trim(apiframe.Message)),
            ApiframeFailureKind.JobCancelled => BotText.Get(culture, "FailCancelled"),
            ApiframeFailureKind.NoImages => BotText.Get(culture, "FailNoImages"),
            ApiframeFailureKind.TimedOut => BotText.Format(culture, "FailTimedOut", jobTimeout.Humanize(2, culture)),
            ApiframeFailureKind.ResultExpired => BotText.Get(culture, "FailExpired"),
            ApiframeFailureKind.ResultNotImage => BotText.Get(culture, "FailNotImage"),
            ApiframeFailureKind.ResultTooLarge => BotText.Get(culture, "FailTooLarge"),
            ApiframeFailureKind.InvalidRequest => BotText.Format(culture, "FailInvalid", Trim(apiframe.Message)),
            ApiframeFailureKind.Unauthorized => BotText.Get(culture, "FailKey"),
            ApiframeFailureKind.InsufficientCredits => BotText.Get(culture, "FailOutOfCredits"),
            ApiframeFailureKind.RateLimited or ApiframeFailureKind.Unavailable => BotText.Get(culture, "FailUnavailable"),
            _ => BotText.Format(culture, "FailOther", Trim(apiframe.Message)),
        };
    }

    private static bool IsContentPolicy(string message) =>
        message.Contains("policy", StringComparison.OrdinalIgnoreCase)
        || message.Contains("safety", StringComparison.OrdinalIgnoreCase)
        || message.Contains("nsfw", StringComparison.OrdinalIgnoreCase)
        || message.Contains("moderation", StringComparison.OrdinalIgnoreCase);

    private static string Trim(string message) => message.Length <= 300 ? message : message[..299] + "…";
}
