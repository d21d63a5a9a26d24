using LiteDB;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// The ledger's bookkeeping inside one transaction: loads an account with any due allowance change and refill
/// applied (in memory), records every change as an entry with its balance before and after, and saves. Nothing is
/// written until <see cref="Save"/>, so a refused operation leaves no trace.
/// </summary>
internal sealed class CreditBook
{
    private readonly LiteDatabase _db;

    private readonly CreditPolicy _policy;

    private readonly Dictionary<ulong, GuildSettings> _guilds = [];

    private readonly List<CreditEntry> _pending = [];

    public CreditBook(LiteDatabase db, CreditPolicy policy, DateTimeOffset now)
    {
        _db = db;
        _policy = policy;
        Now = now;
    }

    public DateTimeOffset Now { get; }

    public GuildSettings Guild(ulong guildId)
    {
        if (!_guilds.TryGetValue(guildId, out var settings))
        {
            settings = GuildSettingsStore.Load(_db, guildId);
            _guilds[guildId] = settings;
        }

        return settings;
    }

    /// <summary>Replaces the cached guild settings after a change made in this transaction.</summary>
    public void UseGuild(GuildSettings settings) => _guilds[settings.GuildId] = settings;

    /// <summary>
    /// The account with its allowance brought up to date (from <paramref name="roleIds"/> when known) and any due
    /// refill applied. A new member starts with a full allowance.
    /// </summary>
    public CreditAccount Open(CreditScope scope, IReadOnlyCollection<ulong>? roleIds)
    {
        var guild = Guild(scope.GuildId);
        var period = _policy.PeriodFor(guild);
        var periodStart = RefillCalendar.PeriodStart(period, _policy.Zone, Now).UtcTicks;
        var doc = DocumentLookup.FindById(CreditCollections.AccountsIn(_db), CreditAccount.KeyOf(scope));
        if (doc is null)
        {
            var account = new CreditAccount { Scope = scope, IsNew = true, CreatedAt = Now, PeriodStartTicks = periodStart };
            var allowance = _policy.Resolve(scope, roleIds, null, guild, null);
            Record(account, CreditEntryKind.Refill, null, allowance.Amount,
                $"First allowance: {allowance.Amount} per {CreditPolicy.PeriodNoun(period)} ({allowance.Describe()})", null,
                a => SetAllowance(a, allowance), skipWhenUnchanged: true);
            account.Dirty = true;
            return account;
        }

        var existing = CreditAccount.FromDocument(doc);
        ReconcileAllowance(existing, roleIds, null, null);
        if (periodStart > existing.PeriodStartTicks)
        {
            Record(existing, CreditEntryKind.Refill, null, existing.Allowance,
                $"{period} refill to {existing.Allowance}",
                null,
                a =>
                {
                    a.AllowanceUsed = 0;
                    a.SpentThisPeriod = 0;
                    a.PeriodStartTicks = periodStart;
                },
                skipWhenUnchanged: true);
        }

        return existing;
    }

    /// <summary>Re-resolves the allowance and records an <see cref="CreditEntryKind.AllowanceChange"/> when it changed.</summary>
    public void ReconcileAllowance(CreditAccount account, IReadOnlyCollection<ulong>? roleIds, ulong? actorId, string? reason)
    {
        var resolved = _policy.Resolve(account.Scope, roleIds, account.AllowanceOverride, Guild(account.Scope.GuildId), account);
        if (resolved.Amount == account.Allowance)
        {
            if (resolved.Source != account.AllowanceSource || resolved.RoleId != account.AllowanceRoleId)
            {
                SetAllowance(account, resolved);
                account.Dirty = true;
            }

            return;
        }

        var period = CreditPolicy.PeriodNoun(_policy.PeriodFor(Guild(account.Scope.GuildId)));
        var why = $"Allowance {account.Allowance} → {resolved.Amount} per {period} ({resolved.Describe()})";
        Record(account, CreditEntryKind.AllowanceChange, actorId, resolved.Amount,
            reason is null ? why : $"{why}: {reason}", null, a => SetAllowance(a, resolved));
    }

    /// <summary>Applies <paramref name="change"/> and records it as an entry (not yet saved).</summary>
    public void Record(
        CreditAccount account,
        CreditEntryKind kind,
        ulong? actorId,
        int amount,
        string? reason,
        string? generationId,
        Action<CreditAccount> change,
        bool skipWhenUnchanged = false)
    {
        var before = account.Balance;
        change(account);
        account.Dirty = true;
        if (account.AllowanceUsed < 0 || account.Bonus < 0 || account.Held < 0 || account.Bonus > CreditPolicy.MaxBonus)
        {
            // A bug, never a user error: the transaction rolls back rather than store an impossible balance.
            throw new InvalidOperationException(
                $"Ledger invariant broken by {kind} for {account.Scope}: used {account.AllowanceUsed}, " +
                $"bonus {account.Bonus}, held {account.Held}.");
        }

        var after = account.Balance;
        if (skipWhenUnchanged && before == after)
        {
            return;
        }

        _pending.Add(new CreditEntry(0, kind, account.Scope, actorId, after - before, before, after, amount, reason, Now, generationId));
    }

    /// <summary>Writes the account and its pending entries.</summary>
    public void Save(CreditAccount account)
    {
        CreditCollections.AccountsIn(_db).Upsert(account.ToDocument(Now));
        var entries = CreditCollections.EntriesIn(_db);
        foreach (var entry in _pending.Where(e => e.Scope == account.Scope))
        {
            entries.Insert(CreditEntryDocuments.ToDocument(entry));
        }

        _pending.RemoveAll(e => e.Scope == account.Scope);
        account.Dirty = false;
    }

    public CreditBalance BalanceOf(CreditAccount account)
    {
        var period = _policy.PeriodFor(Guild(account.Scope.GuildId));
        return new CreditBalance(
            account.Scope,
            account.AllowanceRemaining,
            account.Allowance,
            account.Bonus,
            account.Held,
            period,
            RefillCalendar.NextBoundary(period, _policy.Zone, Now),
            account.SpentThisPeriod,
            account.ImagesMade,
            account.Blocked,
            account.BlockReason)
        {
            AllowanceSource = account.AllowanceSource,
            AllowanceRoleId = account.AllowanceRoleId,
        };
    }

    /// <summary>
    /// The server's pool (guild 0: direct messages) with its budget in effect and a due period boundary applied (in
    /// memory). A new period starts with nothing spent; holds still open stay held and are counted when they close.
    /// </summary>
    public ServerPool OpenPool(ulong guildId)
    {
        var periodStart = RefillCalendar.PeriodStart(_policy.ServerBudgetPeriod, _policy.Zone, Now).UtcTicks;
        var doc = DocumentLookup.FindById(CreditCollections.ServerPoolsIn(_db), ServerPool.KeyOf(guildId));
        var pool = doc is null
            ? new ServerPool { GuildId = guildId, PeriodStartTicks = periodStart, Dirty = true }
            : ServerPool.FromDocument(doc);
        if (periodStart > pool.PeriodStartTicks)
        {
            pool.Spent = 0;
            pool.PeriodStartTicks = periodStart;
            pool.Dirty = true;
        }

        (pool.Budget, pool.BudgetIsOverride) = _policy.ServerBudget(guildId, ServerStore.Load(_db, guildId));
        return pool;
    }

    /// <summary>Applies a change to the pool; a negative pot is a bug, never a user error, and rolls the transaction back.</summary>
    public static void Change(ServerPool pool, Action<ServerPool> change)
    {
        change(pool);
        pool.Dirty = true;
        if (pool.Held < 0 || pool.Spent < 0 || pool.TotalSpent < 0)
        {
            throw new InvalidOperationException(
                $"Server pool invariant broken for guild {pool.GuildId}: spent {pool.Spent}, held {pool.Held}, total {pool.TotalSpent}.");
        }
    }

    public void SavePool(ServerPool pool)
    {
        CreditCollections.ServerPoolsIn(_db).Upsert(pool.ToDocument(Now));
        pool.Dirty = false;
    }

    public ServerPoolBalance BalanceOf(ServerPool pool) => new(
        pool.GuildId,
        pool.Budget,
        pool.BudgetIsOverride,
        pool.Spent,
        pool.Held,
        pool.TotalSpent,
        _policy.ServerBudgetPeriod,
        RefillCalendar.NextBoundary(_policy.ServerBudgetPeriod, _policy.Zone, Now));

    public BsonDocument? FindHold(string generationId) => DocumentLookup.FindById(CreditCollections.HoldsIn(_db), generationId);

    public void InsertHold(CreditHold hold) => CreditCollections.HoldsIn(_db).Insert(CreditHoldDocuments.ToDocument(hold));

    public void UpdateHold(BsonDocument hold) => CreditCollections.HoldsIn(_db).Update(hold);

    private static void SetAllowance(CreditAccount account, ResolvedAllowance allowance)
    {
        account.Allowance = allowance.Amount;
        account.AllowanceSource = allowance.Source;
        account.AllowanceRoleId = allowance.RoleId;
    }
}
