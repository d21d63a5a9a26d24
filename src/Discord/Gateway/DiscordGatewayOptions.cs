using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The gateway's own settings, bound from the <c>Discord</c> section. The token, <c>Discord:Intents</c> and
/// <c>Discord:ShardCount</c> come from <see cref="DiscordOptions"/>, shared with the REST client.
/// </summary>
public sealed class DiscordGatewayOptions
{
    public const string SectionName = "Discord";

    /// <summary>
    /// <c>Discord:Gateway</c>: connect to the gateway. Set it to false only when interactions arrive over an HTTP
    /// endpoint instead; the bot then opens no gateway connection at all (it needs no gateway events).
    /// </summary>
    public bool Gateway { get; set; } = true;

    /// <summary>
    /// <c>Discord:ShardIds</c>: which shards this process runs (e.g. <c>0,1</c> of 4), for spreading a large bot over
    /// several processes; unset runs all of them. Set <c>Discord:ShardCount</c> too when using it.
    /// </summary>
    public IList<int>? ShardIds { get; set; }

    /// <summary>
    /// <c>Discord:EventQueueCapacity</c>: how many dispatches may wait for each subscriber. When a subscriber falls this
    /// far behind, newer events are dropped for it (with a warning) rather than stalling the connection.
    /// </summary>
    [Range(16, 10_000_000, ErrorMessage = "Discord:EventQueueCapacity must be between 16 and 10000000 events.")]
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// <c>Discord:MaxGatewayMessageBytes</c>: the largest message read from the gateway (default 8 MiB). A larger one
    /// is not buffered: the connection is closed and resumed past it, so memory stays bounded whatever arrives.
    /// </summary>
    [Range(64 * 1024, 256 * 1024 * 1024, ErrorMessage =
        "Discord:MaxGatewayMessageBytes must be between 65536 and 268435456 bytes (default 8388608, 8 MiB).")]
    public int MaxGatewayMessageBytes { get; set; } = GatewayConnection.DefaultMaxMessageBytes;

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
