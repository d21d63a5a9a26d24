namespace SeedreamBot.Core.Credits;

/// <summary>
/// A server's credit pool this budget period, as operators and moderators see it (guild 0: all direct-message use).
/// Every generation in the server takes from it as well as from the member, so moderator grants can never make a
/// server spend more than its budget.
/// </summary>
/// <param name="GuildId">The server, 0 for direct messages.</param>
/// <param name="Budget">Credits per period (the operator's setting for this server, or the configured default).</param>
/// <param name="BudgetIsOverride">Whether an operator set this server's budget.</param>
/// <param name="Spent">Settled spending this period.</param>
/// <param name="Held">Held for generations still running.</param>
/// <param name="TotalSpent">Everything settled, ever.</param>
/// <param name="Period">How often the pool refills.</param>
/// <param name="NextRefill">When it next refills; null with the Never period.</param>
public sealed record ServerPoolBalance(
    ulong GuildId,
    int Budget,
    bool BudgetIsOverride,
    long Spent,
    long Held,
    long TotalSpent,
    RefillPeriod Period,
    DateTimeOffset? NextRefill)
{
    /// <summary>What can still be started this period.</summary>
    public long Available => Math.Max(0, Budget - Spent - Held);

    public bool IsDirectMessages => GuildId == 0;
}
