namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>What one shard did against the fake.</summary>
/// <param name="Connections">Connections that identified or resumed as this shard.</param>
/// <param name="Identifies">Identifies accepted (READY sent).</param>
/// <param name="Resumes">Resumes accepted (RESUMED sent).</param>
/// <param name="RejectedResumes">Resumes answered with op 9 false.</param>
/// <param name="Heartbeats">Heartbeats received.</param>
/// <param name="HeartbeatAcks">Heartbeat ACKs sent.</param>
/// <param name="Dispatched">Events dispatched to this shard through the test API.</param>
/// <param name="Replayed">Events replayed on resumes.</param>
public sealed record FakeGatewayShardStats(
    int Connections,
    int Identifies,
    int Resumes,
    int RejectedResumes,
    int Heartbeats,
    int HeartbeatAcks,
    int Dispatched,
    int Replayed);
