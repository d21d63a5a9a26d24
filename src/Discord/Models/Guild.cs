namespace SeedreamBot.Discord.Models;

/// <summary>A server, as <c>GET /guilds/{guild.id}</c> returns it (the parts a bot uses).</summary>
public sealed class Guild
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public string? Icon { get; init; }

    public ulong OwnerId { get; init; }

    public string? PreferredLocale { get; init; }

    /// <summary>Roughly how many members it has; only with <c>with_counts=true</c>.</summary>
    public int? ApproximateMemberCount { get; init; }

    /// <summary>Roughly how many members are online; only with <c>with_counts=true</c>.</summary>
    public int? ApproximatePresenceCount { get; init; }

    public override string ToString() => $"{Name} ({Id})";
}
