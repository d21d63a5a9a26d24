namespace SeedreamBot.Discord.Gateway;

/// <summary>The READY dispatch: the session a successful Identify started.</summary>
/// <param name="V">The gateway version.</param>
/// <param name="User">The bot's own user.</param>
/// <param name="Guilds">The servers this shard will receive, all still unavailable at this point.</param>
/// <param name="SessionId">Needed to resume.</param>
/// <param name="Application">The bot's application (its id is needed for commands and webhooks).</param>
/// <param name="ResumeGatewayUrl">Where to reconnect when resuming; if Discord ever omits it, resuming uses the gateway URL.</param>
/// <param name="Shard"><c>[shard_id, num_shards]</c> when sharding.</param>
public sealed record ReadyEvent(
    int V,
    GatewayUser User,
    IReadOnlyList<UnavailableGuild> Guilds,
    string SessionId,
    ReadyApplication Application,
    string? ResumeGatewayUrl = null,
    IReadOnlyList<int>? Shard = null);
