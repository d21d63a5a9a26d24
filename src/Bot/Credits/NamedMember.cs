using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// A user named in a USER option, with what Discord resolved about them: <c>data.resolved.users[id]</c> always,
/// <c>data.resolved.members[id]</c> (roles, nickname) only when they are a member of the guild.
/// </summary>
/// <param name="User">The resolved user.</param>
/// <param name="Member">The resolved guild member, or null when the user is not in the guild.</param>
public sealed record NamedMember(User User, GuildMember? Member)
{
    public ulong Id => User.Id;

    public bool IsMember => Member is not null;

    public bool IsBot => User.Bot == true;

    /// <summary>The member's roles, which decide their allowance (none for users outside the guild).</summary>
    public IReadOnlyList<ulong> RoleIds => Member?.Roles ?? [];

    /// <summary>The nickname in this server, else the user's display name.</summary>
    public string DisplayName => string.IsNullOrEmpty(Member?.Nick) ? User.DisplayName : Member.Nick;

    public string Mention => User.Mention;

    public CreditMember InGuild(ulong guildId) => new(new CreditScope(guildId, User.Id), RoleIds);

    /// <summary>Whether the option was filled in at all (a filled-in option may still fail to resolve).</summary>
    public static bool IsGiven(Interaction interaction, string optionName)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.GetOption(optionName) is not null;
    }

    /// <summary>The user in option <paramref name="optionName"/>, or null when it is absent or did not resolve.</summary>
    public static NamedMember? From(Interaction interaction, string optionName)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GetUser(optionName) is not { } user)
        {
            return null;
        }

        var member = interaction.Data?.Resolved?.Members is { } members && members.TryGetValue(user.Id, out var found) ? found : null;
        return new NamedMember(user, member);
    }
}
