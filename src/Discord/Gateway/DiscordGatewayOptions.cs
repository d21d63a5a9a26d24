using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The gateway's settings, bound from the <c>Discord</c> configuration section (the same section as the REST
/// client's). A class rather than a record so that <see cref="object.ToString"/> can never print the token.
/// </summary>
public sealed class DiscordGatewayOptions
{
    public const string SectionName = "Discord";

    /// <summary><c>Discord:Token</c>: the bot token, without the "Bot " prefix (a pasted prefix is tolerated).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage =
        "Discord:Token is missing. Copy the bot token from the Discord Developer Portal → your application → Bot " +
        "(Reset Token) and set it as the environment variable Discord__Token.")]
    public string Token { get; set; } = "";

    /// <summary><c>Discord:Intents</c>: the gateway intents bitfield. A slash-command bot needs none (0).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Discord:Intents must be a non-negative intents bitfield; a slash-command bot needs 0.")]
    public int Intents { get; set; }

    /// <summary><c>Discord:ShardCount</c>: the total number of shards; unset uses Discord's recommended count.</summary>
    [Range(1, 65535, ErrorMessage = "Discord:ShardCount must be between 1 and 65535, or unset to use Discord's recommendation.")]
    public int? ShardCount { get; set; }

    /// <summary>
    /// <c>Discord:ShardIds</c>: which shards this process runs (e.g. <c>0,1</c> of 4), for spreading a large bot over
    /// several processes; unset runs all of them.
    /// </summary>
    public IList<int>? ShardIds { get; set; }

    /// <summary>
    /// <c>Discord:EventQueueCapacity</c>: how many dispatches may wait for each subscriber. When a subscriber falls this
    /// far behind, newer events are dropped for it (with a warning) rather than stalling the connection.
    /// </summary>
    [Range(16, 10_000_000, ErrorMessage = "Discord:EventQueueCapacity must be between 16 and 10000000 events.")]
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary><c>Discord:ReconnectDelay</c>: the first wait after a failed connection attempt; it doubles per failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage =
        "Discord:ReconnectDelay must be a time span between 00:00:00.001 and 01:00:00, e.g. 00:00:01.")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Discord:MaxReconnectDelay</c>: the cap of the exponential backoff between failed connection attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage =
        "Discord:MaxReconnectDelay must be a time span between 00:00:00.001 and 01:00:00, e.g. 00:01:00.")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>Discord:StopHostOnFatalError</c>: stop the process with exit code 1 when Discord refuses the connection
    /// for good (bad token, disallowed intents, invalid sharding), so a supervisor shows it as failed.
    /// </summary>
    public bool StopHostOnFatalError { get; set; } = true;
}
