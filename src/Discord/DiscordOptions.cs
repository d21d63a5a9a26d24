using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Discord;

/// <summary>
/// Settings of the Discord connection, bound from the <c>Discord</c> configuration section. The gateway adds its
/// own keys to the same section.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    public const string DefaultProjectUrl = "https://github.com/seedreambot/seedreambot";

    internal const string TokenMissingMessage =
        "Discord:Token is not set. Put your bot token in the configuration key Discord:Token (environment variable " +
        "Discord__Token or DISCORD_TOKEN, or user secrets). Get it from the Discord Developer Portal → your " +
        "application → Bot → Reset Token.";

    /// <summary>The bot token (without the "Bot " prefix; a pasted prefix is removed). Secret: never logged.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = TokenMissingMessage)]
    public string Token { get; set; } = "";

    /// <summary>The REST base URL including the version; tests point it at the fake Discord.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl is empty. Leave it unset for " + DefaultApiBaseUrl + ", or give an absolute http(s) URL.")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The project URL in the User-Agent Discord requires: <c>DiscordBot (url, version)</c>.</summary>
    [Required(ErrorMessage = "Discord:ProjectUrl is empty. Leave it unset for " + DefaultProjectUrl + ", or give your fork's URL.")]
    public string ProjectUrl { get; set; } = DefaultProjectUrl;

    /// <summary>Gateway intents bitfield. A slash-command bot needs none (0).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Discord:Intents must be a non-negative intents bitfield (0 is enough for slash commands).")]
    public int Intents { get; set; }

    /// <summary>How many shards to run; null uses Discord's recommendation from <c>GET /gateway/bot</c>.</summary>
    [Range(1, 65536, ErrorMessage = "Discord:ShardCount must be at least 1, or unset to use Discord's recommendation.")]
    public int? ShardCount { get; set; }

    /// <summary>How often a request is retried after a 429 or a transient failure (5xx, network) before giving up.</summary>
    [Range(0, 20, ErrorMessage = "Discord:MaxRetries must be between 0 and 20.")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>How long one REST request (an upload included) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Discord:RequestTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first back-off after a transient failure; it doubles per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Discord:TransientRetryDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The global request budget per second (Discord allows 50; interaction callbacks are exempt). The default stays
    /// a little under: requests are counted when sent, Discord counts them when they arrive, and network jitter can
    /// bunch a second's requests together on arrival.
    /// </summary>
    [Range(1, 50, ErrorMessage = "Discord:GlobalRequestsPerSecond must be between 1 and 50 (Discord's global limit).")]
    public int GlobalRequestsPerSecond { get; set; } = 45;

    /// <summary>Invalid requests (401/403/429) in 10 minutes that log a warning. Cloudflare bans the IP at 10,000.</summary>
    [Range(1, 10000, ErrorMessage = "Discord:InvalidRequestWarningThreshold must be between 1 and 10000.")]
    public int InvalidRequestWarningThreshold { get; set; } = 2500;

    /// <summary>Invalid requests in 10 minutes that log an error.</summary>
    [Range(1, 10000, ErrorMessage = "Discord:InvalidRequestErrorThreshold must be between 1 and 10000.")]
    public int InvalidRequestErrorThreshold { get; set; } = 5000;

    // The token is a credential: never part of a string that could reach a log.
    public override string ToString() =>
        $"DiscordOptions {{ ApiBaseUrl = {ApiBaseUrl}, Token = {(string.IsNullOrEmpty(Token) ? "(not set)" : "(set)")}, Intents = {Intents}, ShardCount = {ShardCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "recommended"} }}";
}
