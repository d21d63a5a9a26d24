namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>How the fake gateway behaves. Defaults are Discord's values; tests shorten the intervals.</summary>
public sealed class FakeGatewayOptions
{
    /// <summary>The bot token Identify and Resume must carry (raw, without "Bot ").</summary>
    public string Token { get; set; } = "fake-bot-token";

    /// <summary>The <c>heartbeat_interval</c> sent in Hello.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>The <c>shards</c> that <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>Identify fails with 4011 when <c>num_shards</c> is below this; null never requires sharding.</summary>
    public int? RequiredShards { get; set; }

    /// <summary><c>session_start_limit.total</c>.</summary>
    public int SessionStartTotal { get; set; } = 1000;

    /// <summary><c>session_start_limit.remaining</c> at start; every accepted Identify decrements it.</summary>
    public int SessionStartRemaining { get; set; } = 1000;

    /// <summary><c>session_start_limit.reset_after</c>.</summary>
    public TimeSpan SessionStartResetAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>session_start_limit.max_concurrency</c>: identifies allowed per <see cref="IdentifyWindow"/> (bucket <c>shard_id % max_concurrency</c>).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Discord's 5 s identify window; a second Identify in one bucket within it gets op 9 false.</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Awaited before the fake sees each Identify (given the shard it names), as a network path may hold it on the
    /// way: the fake counts it against <see cref="IdentifyWindow"/> only once this completes, so a test can slow an
    /// Identify down or let a later one overtake it. Null for none.
    /// </summary>
    public Func<int, CancellationToken, Task>? IdentifyInTransit { get; set; }

    /// <summary>Whether the application may use privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT); otherwise 4014.</summary>
    public bool PrivilegedIntentsAllowed { get; set; }

    /// <summary>The bot user's and application's id.</summary>
    public ulong ApplicationId { get; set; } = 1_100_000_000_000_000_001;

    public string BotUsername { get; set; } = "SeedreamBot";

    /// <summary>
    /// When set, every message is sent in WebSocket frames of at most this many bytes (Discord splits large
    /// payloads), so clients must read until the end of the message.
    /// </summary>
    public int? MaxFrameBytes { get; set; }

    /// <summary>The servers the bot is in: listed as unavailable in READY and sent as GUILD_CREATE with the GUILDS intent.</summary>
    public IList<FakeGuild> Guilds { get; } = [];
}
