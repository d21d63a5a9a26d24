namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>Mutable counters behind <see cref="FakeGatewayShardStats"/>; guarded by the fake's lock.</summary>
internal sealed class FakeShardCounters
{
    public int Connections { get; set; }

    public int Identifies { get; set; }

    public int Resumes { get; set; }

    public int RejectedResumes { get; set; }

    public int Heartbeats { get; set; }

    public int HeartbeatAcks { get; set; }

    public int Dispatched { get; set; }

    public int Replayed { get; set; }

    public FakeGatewayShardStats Snapshot() =>
        new(Connections, Identifies, Resumes, RejectedResumes, Heartbeats, HeartbeatAcks, Dispatched, Replayed);
}
