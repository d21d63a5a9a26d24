namespace SeedreamBot.Core.Credits;

/// <summary>
/// What <c>/quota</c> does. Member operations take the target as a <see cref="CreditMember"/> (with the roles from
/// the interaction's resolved member, when known) and the moderator's user id as the actor. Refusals come back as
/// results with a message, never as exceptions, and change nothing.
/// </summary>
public interface ICreditModeration
{
    /// <summary>Adds <paramref name="amount"/> bonus credits (they never expire).</summary>
    ModerationResult Grant(ulong actorId, CreditMember target, int amount, string? reason = null);

    /// <summary>
    /// Removes <paramref name="amount"/> credits: from the bonus first, then from this period's allowance. Taking
    /// more than the member can spend is refused with how much they have; a balance never goes negative.
    /// </summary>
    ModerationResult Take(ulong actorId, CreditMember target, int amount, string? reason = null);

    /// <summary>
    /// Makes the spendable balance exactly <paramref name="amount"/> (0 allowed): up to the member's allowance it is
    /// this period's allowance, the rest is bonus. The next refill restores the allowance as usual; bonus stays.
    /// </summary>
    ModerationResult Set(ulong actorId, CreditMember target, int amount, string? reason = null);

    /// <summary>
    /// A fresh period: allowance full, bonus 0, this period's spending counter 0. Open holds stay open; when one is
    /// released, its bonus part comes back as bonus.
    /// </summary>
    ModerationResult Reset(ulong actorId, CreditMember target, string? reason = null);

    /// <summary>
    /// Sets an allowance per period (0 allowed): the guild default (<paramref name="target"/> null or
    /// <see cref="AllowanceTarget.Guild"/>), a role's, or one member's own. A <paramref name="period"/> also sets the
    /// guild's refill period. Members pick up role and default changes at their next use; a member's own allowance
    /// applies at once.
    /// </summary>
    AllowanceResult SetAllowance(
        ulong guildId, ulong actorId, int amount, RefillPeriod? period = null, AllowanceTarget? target = null, string? reason = null);

    /// <summary>Removes the guild default, a role's allowance, or a member's own allowance, so it inherits again.</summary>
    AllowanceResult ClearAllowance(ulong guildId, ulong actorId, AllowanceTarget target, string? reason = null);

    /// <summary>Sets the guild's refill period, or (null) returns to <c>Credits:RefillPeriod</c>.</summary>
    AllowanceResult SetRefillPeriod(ulong guildId, ulong actorId, RefillPeriod? period);

    /// <summary>A blocked member cannot place holds (generations already running finish normally).</summary>
    ModerationResult Block(ulong actorId, CreditMember target, string? reason = null);

    ModerationResult Unblock(ulong actorId, CreditMember target, string? reason = null);

    /// <summary>Entries newest first, for one member or (null) the whole guild. Pages are 1-based.</summary>
    CreditHistoryPage GetHistory(ulong guildId, ulong? userId = null, int page = 1, int pageSize = 10);

    /// <summary>Members by settled spending in the current day, week or month, or all time; most first.</summary>
    IReadOnlyList<CreditSpender> GetTopSpenders(ulong guildId, SpendingWindow window, int limit = 10);

    /// <summary>
    /// Writes the guild's whole ledger as CSV (RFC 4180: header row, CRLF, quoted where needed; times ISO 8601
    /// UTC), oldest first, reading in batches so the database is never locked while the writer waits. Returns the
    /// number of entries written.
    /// </summary>
    Task<int> ExportCsvAsync(ulong guildId, TextWriter writer, CancellationToken cancellationToken = default);

    /// <summary>Sets or (null) clears the channel quota changes are posted to.</summary>
    QuotaSettings SetLogChannel(ulong guildId, ulong actorId, ulong? channelId);

    /// <summary>The guild's quota settings as in effect.</summary>
    QuotaSettings GetSettings(ulong guildId);
}
