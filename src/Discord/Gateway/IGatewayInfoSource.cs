namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Where the gateway learns its URL, the recommended shard count and the session start limit
/// (<c>GET /gateway/bot</c>). The REST client implements it; tests can substitute it.
/// </summary>
public interface IGatewayInfoSource
{
    Task<GatewayInfo> GetGatewayInfoAsync(CancellationToken cancellationToken);
}
