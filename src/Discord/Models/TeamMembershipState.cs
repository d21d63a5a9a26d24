namespace SeedreamBot.Discord.Models;

/// <summary>Where a team member's invitation stands.</summary>
public enum TeamMembershipState
{
    Invited = 1,
    Accepted = 2,
}
