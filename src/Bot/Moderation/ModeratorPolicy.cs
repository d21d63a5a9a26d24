using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Operators;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Moderation;

/// <summary>
/// Who moderates: members with Manage Server or Administrator (from the interaction's <c>member.permissions</c>,
/// checked here even though the commands are also registered with <c>default_member_permissions</c>, which server
/// admins can override), or with a role listed in <c>Credits:ModeratorRoleIds</c>. The bot's operators stand above
/// moderators and count as moderators in every server.
/// </summary>
public sealed class ModeratorPolicy
{
    private readonly IOptionsMonitor<CreditOptions> _options;
    private readonly OperatorDirectory _operators;

    public ModeratorPolicy(IOptionsMonitor<CreditOptions> options, OperatorDirectory operators)
    {
        _options = options;
        _operators = operators;
    }

    public bool IsModerator(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Member is not { } member)
        {
            return false;
        }

        if (member.User is { } user && _operators.IsKnownOperator(user.Id))
        {
            return true;
        }

        var permissions = member.Permissions ?? Permissions.None;
        if (permissions.Has(Permissions.Administrator) || permissions.Has(Permissions.ManageGuild))
        {
            return true;
        }

        var moderatorRoles = _options.CurrentValue.ModeratorRoleIds;
        return member.Roles.Any(moderatorRoles.Contains);
    }
}
