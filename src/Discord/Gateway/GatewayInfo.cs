namespace SeedreamBot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
/// <param name="Url">The WebSocket URL to connect to (without query string), e.g. <c>wss://gateway.discord.gg</c>.</param>
/// <param name="RecommendedShards">Discord's recommended shard count.</param>
/// <param name="SessionStartLimit">How many new sessions (identifies) may still be started.</param>
public sealed record GatewayInfo(string Url, int RecommendedShards, SessionStartLimit SessionStartLimit);
