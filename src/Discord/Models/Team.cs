namespace SeedreamBot.Discord.Models;

/// <summary>The developer team that owns an application (<c>application.team</c>); its members share the application.</summary>
public sealed class Team
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public string? Icon { get; init; }

    /// <summary>The user who owns the team.</summary>
    public ulong OwnerUserId { get; init; }

    public IReadOnlyList<TeamMember> Members { get; init; } = [];

    public override string ToString() => $"team {Name} ({Id})";
}
