using Microsoft.Extensions.Options;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Credits;

/// <summary>The configured rules, resolved once: time zone, periods and allowance precedence.</summary>
internal sealed class CreditPolicy
{
    public const int MaxReasonLength = 300;

    /// <summary>Upper bound of a bonus pot, far above any sane use, so arithmetic never overflows.</summary>
    public const int MaxBonus = 100_000_000;

    public CreditPolicy(IOptions<CreditOptions> options, OperatorOptions? operatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Operator = operatorOptions ?? new OperatorOptions();
        Zone = Options.ResolveTimeZone();
    }

    public CreditOptions Options { get; }

    /// <summary>Server budgets: the default, the period, the direct-message pool.</summary>
    public OperatorOptions Operator { get; }

    public RefillPeriod ServerBudgetPeriod => Operator.ServerBudgetPeriod;

    /// <summary>A server's budget per period: the operator's setting for it, else the default; guild 0 is the DM pool.</summary>
    public (int Budget, bool IsOverride) ServerBudget(ulong guildId, ServerRecord? record) =>
        guildId == 0
            ? (Operator.DirectMessageBudget, false)
            : record?.BudgetOverride is { } own ? (own, true) : (Operator.DefaultServerBudget, false);

    public TimeZoneInfo Zone { get; }

    public bool DirectMessagesDisabled => Options.DirectMessageAllowance == 0;

    public RefillPeriod PeriodFor(GuildSettings guild) =>
        guild.GuildId == 0 ? Options.RefillPeriod : guild.RefillPeriod ?? Options.RefillPeriod;

    /// <summary>
    /// Override, else the best role allowance, else the guild default, else configuration. Without the member's
    /// roles (settles and releases only know a generation id), a role-based snapshot is kept as it was.
    /// </summary>
    public ResolvedAllowance Resolve(
        CreditScope scope, IReadOnlyCollection<ulong>? roleIds, int? userOverride, GuildSettings guild, CreditAccount? snapshot)
    {
        if (scope.IsDirectMessage)
        {
            return new(Options.DirectMessageAllowance, AllowanceSource.DirectMessages, null);
        }

        if (userOverride is { } own)
        {
            return new(own, AllowanceSource.UserOverride, null);
        }

        if (roleIds is null && snapshot is { AllowanceSource: AllowanceSource.Role })
        {
            return new(snapshot.Allowance, AllowanceSource.Role, snapshot.AllowanceRoleId);
        }

        ResolvedAllowance? best = null;
        foreach (var role in roleIds ?? [])
        {
            if (guild.RoleAllowances.TryGetValue(role, out var amount) && (best is null || amount > best.Value.Amount))
            {
                best = new(amount, AllowanceSource.Role, role);
            }
        }

        if (best is { } fromRole)
        {
            return fromRole;
        }

        return guild.DefaultAllowance is { } guildDefault
            ? new(guildDefault, AllowanceSource.GuildDefault, null)
            : new(Options.DefaultAllowance, AllowanceSource.Configuration, null);
    }

    public static string PeriodNoun(RefillPeriod period) => period switch
    {
        RefillPeriod.Daily => "day",
        RefillPeriod.Weekly => "week",
        RefillPeriod.Monthly => "month",
        _ => "period (never refilled)",
    };
}
