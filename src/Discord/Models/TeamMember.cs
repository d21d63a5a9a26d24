namespace SeedreamBot.Discord.Models;

/// <summary>A member of an application's team. Only <see cref="TeamMembershipState.Accepted"/> members belong to it yet.</summary>
public sealed class TeamMember
{
    public User User { get; init; } = new();

    public ulong TeamId { get; init; }

    public TeamMembershipState MembershipState { get; init; }

    /// <summary><c>admin</c>, <c>developer</c> or <c>read_only</c> (the owner has the team's <see cref="Team.OwnerUserId"/>).</summary>
    public string Role { get; init; } = "";

    /// <summary>Legacy: always <c>["*"]</c>.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>Whether the invitation was accepted; an invited user is not part of the team.</summary>
    public bool IsAccepted => MembershipState == TeamMembershipState.Accepted;
}
