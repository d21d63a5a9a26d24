namespace SeedreamBot.Discord.Gateway;

/// <summary>A snapshot of the whole gateway (all shards this process runs) for health checks.</summary>
/// <param name="Shards">One entry per shard, ordered by shard id; empty until the shard count is known.</param>
/// <param name="FatalError">The first fatal error of any shard.</param>
/// <param name="DroppedEvents">Dispatches dropped because a subscriber's queue was full.</param>
public sealed record DiscordGatewayStatus(IReadOnlyList<GatewayStatus> Shards, GatewayFatalError? FatalError, long DroppedEvents)
{
    /// <summary>True when every shard of this process is connected.</summary>
    public bool IsConnected => Shards.Count > 0 && Shards.All(shard => shard.IsConnected);

    /// <summary>How many shards are connected.</summary>
    public int ConnectedShards => Shards.Count(shard => shard.IsConnected);

    /// <summary>The worst heartbeat round trip among the shards.</summary>
    public TimeSpan? Latency => Shards.Max(shard => shard.Latency);

    /// <summary>The oldest last-ACK age among the shards.</summary>
    public TimeSpan? LastAckAge => Shards.Max(shard => shard.LastAckAge);

    /// <summary>Reconnects summed over the shards.</summary>
    public long ReconnectCount => Shards.Sum(shard => shard.ReconnectCount);
}
