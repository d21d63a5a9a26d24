namespace SeedreamBot.Discord.Gateway;

/// <summary>Discord's gateway close codes and what each means for reconnecting.</summary>
public static class GatewayCloseCodes
{
    /// <summary>Normal closure: Discord invalidates the session, so we use it only when shutting down on purpose.</summary>
    public const int NormalClosure = 1000;

    /// <summary>Going away: invalidates the session like 1000.</summary>
    public const int GoingAway = 1001;

    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>
    /// The code we close with when we mean to come back and resume (zombie, op 7, op 9). Any code other than
    /// 1000/1001 keeps the session alive on Discord's side; 4900 is in the application range and never sent by Discord.
    /// </summary>
    public const int ReconnectClosure = 4900;

    /// <summary>What to do after a close with <paramref name="code"/> (null: the connection dropped without a close frame).</summary>
    public static GatewayCloseAction Classify(int? code) => code switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents
            => GatewayCloseAction.Fatal,
        InvalidSequence or SessionTimedOut => GatewayCloseAction.NewSession,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>The one message an operator needs to fix a fatal close; null for codes that are not fatal.</summary>
    public static string? DescribeFatal(int code, int shardId, int shardCount, int intents) => code switch
    {
        AuthenticationFailed =>
            "Discord rejected the bot token (4004 Authentication failed). Reset the token in the Discord Developer " +
            "Portal → Bot and set Discord__Token.",
        InvalidShard =>
            $"Discord rejected shard [{shardId}, {shardCount}] (4010 Invalid shard). Check Discord:ShardCount and " +
            "Discord:ShardIds: every shard id must be lower than the shard count.",
        ShardingRequired =>
            $"Discord requires more shards (4011 Sharding required): the bot is in too many servers for {shardCount} " +
            "shard(s). Raise Discord:ShardCount, or leave it unset to use Discord's recommended count.",
        InvalidApiVersion =>
            "Discord rejected the gateway API version (4012 Invalid API version). This build speaks gateway v10; " +
            "update SeedreamBot.",
        InvalidIntents =>
            $"Discord rejected the intents bitfield {intents} (4013 Invalid intent(s)). Fix Discord:Intents; a " +
            "slash-command bot needs 0.",
        DisallowedIntents =>
            $"Discord refused the privileged intents in {intents} (4014 Disallowed intent(s)). Enable them in the " +
            "Discord Developer Portal → Bot → Privileged Gateway Intents, or remove them from Discord:Intents " +
            "(a slash-command bot needs 0).",
        _ => null,
    };
}
