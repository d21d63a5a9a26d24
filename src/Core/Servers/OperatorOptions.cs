using System.ComponentModel.DataAnnotations;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Servers;

/// <summary>
/// The operator tier (configuration section <c>Operator</c>): who the operators are besides the application's owner
/// and team, which servers may use the bot, and what each server may spend.
/// </summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string SectionName = "Operator";

    /// <summary>The most credits a server budget can be set to, far above any sane use, so sums never overflow.</summary>
    public const int MaxBudget = 100_000_000;

    /// <summary>
    /// Operators besides the application's owner and its team members (read from Discord): user ids. Operators
    /// approve servers, set server budgets and receive the bot-wide alerts.
    /// </summary>
    public List<ulong> UserIds { get; set; } = [];

    /// <summary>
    /// The operators' own server: <c>/operator</c> is registered there only. Unset, operators use <c>/operator</c> in a
    /// direct message with the bot.
    /// </summary>
    public ulong? HomeServerId { get; set; }

    /// <summary><c>owner-servers</c> (default), <c>allow-list</c> or <c>open</c>: which servers may use the bot.</summary>
    public string ServerPolicy { get; set; } = ServerPolicies.OwnerServers;

    /// <summary>Servers always admitted, whatever the policy (besides <c>Discord:GuildIds</c> and the home server).</summary>
    public List<ulong> AllowedServerIds { get; set; } = [];

    /// <summary>Whether the bot leaves a server an operator declined.</summary>
    public bool LeaveDeclined { get; set; }

    /// <summary>Credits each server may spend per <see cref="ServerBudgetPeriod"/>, unless an operator set its own.</summary>
    [Range(0, MaxBudget, ErrorMessage = "Operator:DefaultServerBudget must be between 0 and 100,000,000 credits per period.")]
    public int DefaultServerBudget { get; set; } = 2000;

    /// <summary>How often server budgets refill: Daily, Weekly, Monthly (default) or Never, at midnight in <c>Credits:TimeZone</c>.</summary>
    public RefillPeriod ServerBudgetPeriod { get; set; } = RefillPeriod.Monthly;

    /// <summary>
    /// Credits all direct-message use may spend per <see cref="ServerBudgetPeriod"/>, together. 0 (the default) keeps
    /// direct messages off, whatever <c>Credits:DirectMessageAllowance</c> says.
    /// </summary>
    [Range(0, MaxBudget, ErrorMessage = "Operator:DirectMessageBudget must be between 0 (direct messages off) and 100,000,000 credits per period.")]
    public int DirectMessageBudget { get; set; }

    /// <summary>The policy as an enum. Only valid after validation.</summary>
    public ServerPolicy GetPolicy() =>
        ServerPolicies.TryParse(ServerPolicy, out var policy) ? policy : throw new InvalidOperationException("Operator:ServerPolicy is not valid.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The value is not repeated: configuration errors never echo what was typed (it could be a pasted secret).
        if (!ServerPolicies.TryParse(ServerPolicy, out _))
        {
            yield return new ValidationResult(
                $"Operator:ServerPolicy must be one of {string.Join(", ", ServerPolicies.Names)} (default {ServerPolicies.OwnerServers}).",
                [nameof(ServerPolicy)]);
        }

        if (!Enum.IsDefined(ServerBudgetPeriod))
        {
            yield return new ValidationResult(
                "Operator:ServerBudgetPeriod must be Daily, Weekly, Monthly or Never.", [nameof(ServerBudgetPeriod)]);
        }

        if (UserIds.Contains(0UL) || AllowedServerIds.Contains(0UL) || HomeServerId == 0)
        {
            yield return new ValidationResult(
                "Operator:UserIds, Operator:AllowedServerIds and Operator:HomeServerId take Discord ids (long numbers; " +
                "turn on Developer Mode in Discord, then right-click → Copy ID), never 0.",
                [nameof(UserIds), nameof(AllowedServerIds), nameof(HomeServerId)]);
        }
    }
}
