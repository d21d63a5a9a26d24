namespace SeedreamBot.Core.Credits;

/// <summary>
/// One change to a member's credits. Balances are what the member can spend (allowance left + bonus, open holds
/// excluded); <see cref="BalanceAfter"/> = <see cref="BalanceBefore"/> + <see cref="Delta"/>, and a member's deltas add
/// up to their balance.
/// </summary>
/// <param name="Id">Increasing sequence number; newer entries have larger ids.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Scope">Whose credits.</param>
/// <param name="ActorId">Who did it: the moderator, the member for holds, null for the bot itself (refills, settles).</param>
/// <param name="Delta">Change of the spendable balance.</param>
/// <param name="BalanceBefore">Spendable balance before.</param>
/// <param name="BalanceAfter">Spendable balance after.</param>
/// <param name="Amount">The amount the operation was about (cost of a hold, credits granted, new allowance…).</param>
/// <param name="Reason">Why, when known.</param>
/// <param name="Time">When (UTC).</param>
/// <param name="GenerationId">The generation a hold, settle or release belongs to.</param>
public sealed record CreditEntry(
    long Id,
    CreditEntryKind Kind,
    CreditScope Scope,
    ulong? ActorId,
    int Delta,
    int BalanceBefore,
    int BalanceAfter,
    int Amount,
    string? Reason,
    DateTimeOffset Time,
    string? GenerationId);
