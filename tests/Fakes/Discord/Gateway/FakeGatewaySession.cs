using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>A session the fake started on Identify: its sequence, the events it was sent (for replay) and its connection.</summary>
internal sealed class FakeGatewaySession(string id, int shardId, int shardCount)
{
    public string Id { get; } = id;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    /// <summary>Held while sending to the session so that a dispatch and a replay never interleave.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public int Sequence { get; set; }

    /// <summary>Every dispatch after READY, by sequence, for replay on resume.</summary>
    public List<(int Sequence, string EventName, JsonNode Data)> Events { get; } = [];

    /// <summary>The connection events go to, once READY or RESUMED was sent on it.</summary>
    public FakeGatewayConnection? Connection { get; set; }

    public bool Invalidated { get; set; }
}
