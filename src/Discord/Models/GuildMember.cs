namespace SeedreamBot.Discord.Models;

/// <summary>A member of a guild. In an interaction it carries <see cref="Permissions"/> (channel-level, resolved by Discord).</summary>
public sealed class GuildMember
{
    /// <summary>Absent in <c>resolved.members</c> (the user is in <c>resolved.users</c> instead).</summary>
    public User? User { get; init; }

    public string? Nick { get; init; }

    public string? Avatar { get; init; }

    public IReadOnlyList<ulong> Roles { get; init; } = [];

    public DateTimeOffset? JoinedAt { get; init; }

    public DateTimeOffset? PremiumSince { get; init; }

    public bool? Pending { get; init; }

    public DateTimeOffset? CommunicationDisabledUntil { get; init; }

    /// <summary>The member's permissions in the interaction's channel, including overwrites.</summary>
    public Permissions? Permissions { get; init; }

    /// <summary>The guild nickname, else the user's display name.</summary>
    public string? DisplayName => string.IsNullOrEmpty(Nick) ? User?.DisplayName : Nick;
}
