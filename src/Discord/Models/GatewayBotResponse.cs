namespace SeedreamBot.Discord.Models;

/// <summary>The body of <c>GET /gateway/bot</c>.</summary>
public sealed class GatewayBotResponse
{
    public string Url { get; init; } = "";

    /// <summary>The recommended shard count.</summary>
    public int Shards { get; init; }

    public SessionStartLimitResponse SessionStartLimit { get; init; } = new();
}
