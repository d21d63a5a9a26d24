using Microsoft.Extensions.Logging;

namespace SeedreamBot.Discord.Rest;

/// <summary>The REST client's log lines. Routes are templates: interaction tokens and the bot token never appear.</summary>
internal static partial class DiscordRestLog
{
    [LoggerMessage(1, LogLevel.Debug, "Discord {Method} {Route} answered {StatusCode} in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string route, int statusCode, long elapsedMs);

    [LoggerMessage(2, LogLevel.Debug, "Waiting {DelayMs} ms for Discord's {Scope} rate limit before {Method} {Route}")]
    public static partial void RateLimitWait(ILogger logger, long delayMs, string scope, string method, string route);

    [LoggerMessage(3, LogLevel.Warning, "Discord rate-limited {Method} {Route} ({Scope} scope); retrying in {RetryAfterMs} ms (attempt {Attempt})")]
    public static partial void RateLimited(ILogger logger, string method, string route, string scope, long retryAfterMs, int attempt);

    [LoggerMessage(4, LogLevel.Warning, "Discord {Method} {Route} failed ({Reason}); retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void TransientFailure(ILogger logger, string method, string route, string reason, long delayMs, int attempt);

    [LoggerMessage(5, LogLevel.Warning, "{Count} invalid Discord requests (401/403/429) in the last 10 minutes, warning threshold {Threshold}. Cloudflare bans the IP at 10,000: look for missing permissions, a deleted channel or a retry loop.")]
    public static partial void InvalidRequestsHigh(ILogger logger, int count, int threshold);

    [LoggerMessage(6, LogLevel.Error, "{Count} invalid Discord requests (401/403/429) in the last 10 minutes, error threshold {Threshold}. Cloudflare bans the IP at 10,000: stop whatever is failing now.")]
    public static partial void InvalidRequestsCritical(ILogger logger, int count, int threshold);

    [LoggerMessage(7, LogLevel.Critical, "Discord rejected the bot token (401 on {Method} {Route}). Further bot requests are refused so the IP is not banned. Reset the token (Discord Developer Portal → your application → Bot → Reset Token), update Discord:Token and restart.")]
    public static partial void TokenRejected(ILogger logger, string method, string route);

    [LoggerMessage(8, LogLevel.Debug, "Discord {Method} {Route} answered {StatusCode} ({Code} {DiscordMessage})")]
    public static partial void RequestFailed(ILogger logger, string method, string route, int statusCode, int code, string discordMessage);
}
