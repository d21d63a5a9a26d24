namespace SeedreamBot.Discord.Gateway;

/// <summary>A snapshot of one shard for health checks and diagnostics.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="ShardCount">The total number of shards of the bot.</param>
/// <param name="State">Where the shard is in its life cycle.</param>
/// <param name="Latency">The last heartbeat round trip, or null before the first ACK.</param>
/// <param name="LastAckAge">How long ago the last heartbeat ACK arrived, or null before the first.</param>
/// <param name="SessionId">The current session (null before READY or after it was invalidated).</param>
/// <param name="LastSequence">The last dispatch sequence number received in this session.</param>
/// <param name="ReconnectCount">Connections opened after the first one.</param>
/// <param name="ResumeCount">Successful resumes (RESUMED received).</param>
/// <param name="IdentifyCount">Identifies sent (each costs one of Discord's 1,000 daily session starts).</param>
/// <param name="FatalError">Set when the shard stopped for good.</param>
public sealed record GatewayStatus(
    int ShardId,
    int ShardCount,
    GatewayConnectionState State,
    TimeSpan? Latency,
    TimeSpan? LastAckAge,
    string? SessionId,
    int? LastSequence,
    long ReconnectCount,
    long ResumeCount,
    long IdentifyCount,
    GatewayFatalError? FatalError)
{
    /// <summary>True while events flow (READY or RESUMED received on the current connection).</summary>
    public bool IsConnected => State == GatewayConnectionState.Connected;
}
