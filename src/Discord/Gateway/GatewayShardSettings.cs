namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// What every shard of one gateway shares. A class, not a record, so the token never reaches a ToString.
/// </summary>
internal sealed class GatewayShardSettings
{
    public required int ShardCount { get; init; }

    /// <summary>The raw token, without "Bot ".</summary>
    public required string Token { get; init; }

    public required int Intents { get; init; }

    public required TimeSpan ReconnectDelay { get; init; }

    public required TimeSpan MaxReconnectDelay { get; init; }

    public required GatewayTimings Timings { get; init; }

    /// <summary>The largest message read from Discord (<c>Discord:MaxGatewayMessageBytes</c>).</summary>
    public long MaxMessageBytes { get; init; } = GatewayConnection.DefaultMaxMessageBytes;

    public required TimeProvider Time { get; init; }

    /// <summary>A thread-safe source of jitter in [0, 1).</summary>
    public required Func<double> NextRandom { get; init; }
}
