using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Moderation;

/// <summary>
/// Who moderates: members with Manage Server or Administrator (from the interaction's <c>member.permissions</c>,
/// checked here even though the commands are also registered with <c>default_member_permissions</c>, which server
/// admins can override), or with a role listed in <c>Credits:ModeratorRoleIds</c>.
/// </summary>
public sealed class ModeratorPolicy
{
    private readonly IOptionsMonitor<CreditOptions> _options;

    public ModeratorPolicy(IOptionsMonitor<CreditOptions> options) => _options = options;

    public bool IsModerator(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Member is not { } member)
        {
            return false;
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
