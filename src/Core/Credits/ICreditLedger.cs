namespace SeedreamBot.Core.Credits;

/// <summary>
/// The per-member credit ledger. Every change is an entry; holds are tied to a generation id so that a crash can
/// never forget or double-spend one. Calls are synchronous: the store is an embedded database and each call is
/// one short, serialized transaction.
/// </summary>
public interface ICreditLedger
{
    /// <summary>The member's balance after any refill that is due (applied lazily, exactly once per boundary).</summary>
    CreditBalance GetBalance(CreditMember member);

    /// <summary>
    /// Places a hold of <paramref name="cost"/> for <paramref name="generationId"/>, taking from the allowance
    /// first and then the bonus. Atomic: two concurrent holds from a member who can afford one → exactly one is
    /// placed. Holding again for the same generation id is a no-op that reports <see cref="HoldStatus.AlreadyHeld"/>.
    /// </summary>
    HoldResult TryHold(CreditMember member, string generationId, int cost);

    /// <summary>The generation was delivered: the hold becomes spending. Idempotent; null when no open hold exists.</summary>
    CreditBalance? Settle(string generationId);

    /// <summary>The generation produced nothing: the hold is returned in full. Idempotent; null when no open hold exists.</summary>
    CreditBalance? Release(string generationId, string reason);

    /// <summary>Every hold neither settled nor released, for reconciliation at start.</summary>
    IReadOnlyList<CreditHold> GetOpenHolds();
}
