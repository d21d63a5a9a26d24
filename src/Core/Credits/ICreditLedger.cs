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
    /// The balance <see cref="GetBalance"/> would report (a refill that is due, the allowance the member's roles give,
    /// a block), computed from what is stored without writing anything and without waiting behind writers. For the
    /// acknowledgement path: <see cref="GetBalance"/> of a first-time member is a durable write. It may be slightly
    /// stale while writes are committing (a hold placed at the same moment may not show yet); that is fine for a
    /// precheck because <see cref="TryHold"/> checks again, atomically.
    /// </summary>
    CreditBalance PeekBalance(CreditMember member);

    /// <summary>
    /// Places a hold of <paramref name="cost"/> for <paramref name="generationId"/>, taking from the allowance
    /// first and then the bonus, and the same amount from the server's pool, in one transaction. Atomic: two
    /// concurrent holds from a member who can afford one (or in a server whose pool covers one) → exactly one is
    /// placed. Holding again for the same generation id is a no-op that reports <see cref="HoldStatus.AlreadyHeld"/>.
    /// </summary>
    HoldResult TryHold(CreditMember member, string generationId, int cost);

    /// <summary>
    /// The generation was delivered: the hold becomes spending, for the member and the server's pool alike.
    /// Idempotent; null when no open hold exists.
    /// </summary>
    CreditBalance? Settle(string generationId);

    /// <summary>
    /// The generation produced nothing: the hold is returned in full to the member and to the server's pool.
    /// Idempotent; null when no open hold exists.
    /// </summary>
    CreditBalance? Release(string generationId, string reason);

    /// <summary>
    /// The server's pool this budget period (guild 0: direct messages), computed from what is stored without
    /// writing, for prechecks and displays. <see cref="TryHold"/> checks again, atomically.
    /// </summary>
    ServerPoolBalance PeekServerPool(ulong guildId);

    /// <summary>Every server pool that was ever used, for the operators' overview.</summary>
    IReadOnlyList<ServerPoolBalance> GetServerPools();

    /// <summary>Every hold neither settled nor released, for reconciliation at start.</summary>
    IReadOnlyList<CreditHold> GetOpenHolds();
}
