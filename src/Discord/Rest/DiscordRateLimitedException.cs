using System.Net;

namespace SeedreamBot.Discord.Rest;

/// <summary>Still rate-limited (429) after every retry was spent.</summary>
public sealed class DiscordRateLimitedException : DiscordHttpException
{
    public DiscordRateLimitedException(TimeSpan retryAfter, RateLimitScope scope, DiscordErrorCode code, string discordMessage, string method, string route)
        : base(HttpStatusCode.TooManyRequests, code, discordMessage, [], method, route)
    {
        RetryAfter = retryAfter;
        Scope = scope;
    }

    public DiscordRateLimitedException()
        : this("Discord kept answering 429 Too Many Requests.")
    {
    }

    public DiscordRateLimitedException(string message)
        : base(message)
    {
    }

    public DiscordRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long Discord asked to wait on the last 429.</summary>
    public TimeSpan RetryAfter { get; }

    public RateLimitScope Scope { get; }
}
