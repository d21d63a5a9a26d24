namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The <c>d</c> of op 2 Identify. A class, not a record: a record's generated ToString would print the token.
/// </summary>
internal sealed class IdentifyData
{
    public required string Token { get; init; }

    public required IdentifyConnectionProperties Properties { get; init; }

    public required int Intents { get; init; }

    /// <summary><c>[shard_id, num_shards]</c>; omitted for an unsharded bot.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    public GatewayPresence? Presence { get; init; }

    public override string ToString() => $"Identify(intents {Intents}, shard [{string.Join(", ", Shard ?? [])}])";
}
