namespace SeedreamBot.Core.Servers;

/// <summary>
/// What the bot remembers about one server for its operators: the admission request and decision, and a budget of
/// its own. Servers admitted by configuration or by the policy need no record until an operator sets their budget.
/// </summary>
/// <param name="GuildId">The server.</param>
/// <param name="State">The admission state; <see cref="ServerState.Approved"/> for a record made only to hold a budget.</param>
/// <param name="Name">The server's name when last seen, for the operators' lists.</param>
/// <param name="RequestedAt">When a member first tried the bot while it was not admitted.</param>
/// <param name="RequestedBy">Who that was.</param>
/// <param name="DecidedAt">When an operator approved or declined it.</param>
/// <param name="DecidedBy">Which operator.</param>
/// <param name="BudgetOverride">Credits per period set by an operator; null uses <c>Operator:DefaultServerBudget</c>.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record ServerRecord(
    ulong GuildId,
    ServerState State,
    string? Name,
    DateTimeOffset? RequestedAt,
    ulong? RequestedBy,
    DateTimeOffset? DecidedAt,
    ulong? DecidedBy,
    int? BudgetOverride,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether an operator ever decided about the server (approved or declined).</summary>
    public bool IsDecided => DecidedAt is not null;
}
