using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Reliability;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// The credit ledger over <see cref="SeedreamDatabase"/>: every call is one serialized, durable transaction, so
/// concurrent holds can never overspend and a crash can never forget a hold or count it twice. A hold takes from the
/// member and from the server's pool in the same transaction, and closes on both sides in the same transaction.
/// </summary>
public sealed class CreditLedger : ICreditLedger
{
    private const int MaxGenerationIdLength = 200;

    private readonly SeedreamDatabase _database;

    private readonly CreditPolicy _policy;

    private readonly TimeProvider _time;

    private readonly ILogger _logger;

    public CreditLedger(
        SeedreamDatabase database,
        IOptions<CreditOptions> options,
        TimeProvider time,
        ILogger<CreditLedger> logger,
        IOptions<OperatorOptions>? operatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _policy = new CreditPolicy(options, operatorOptions?.Value);
        _time = time;
        _logger = logger;
    }

    public CreditBalance GetBalance(CreditMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var account = book.Open(member.Scope, member.RoleIds);
            if (account.Dirty && !(account.IsNew && member.Scope.IsDirectMessage && _policy.DirectMessagesDisabled))
            {
                book.Save(account);
            }

            return book.BalanceOf(account);
        });
    }

    public CreditBalance PeekBalance(CreditMember member)
    {
        ArgumentNullException.ThrowIfNull(member);

        // The same bookkeeping as GetBalance, minus the Save: a due refill or allowance change stays in memory.
        return _database.Read(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            return book.BalanceOf(book.Open(member.Scope, member.RoleIds));
        });
    }

    public HoldResult TryHold(CreditMember member, string generationId, int cost)
    {
        ArgumentNullException.ThrowIfNull(member);
        ValidateGenerationId(generationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);

        var result = _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var account = book.Open(member.Scope, member.RoleIds);
            if (book.FindHold(generationId) is not null)
            {
                // A retry or a restart: the hold (open or already closed) stands as it was.
                return new HoldResult(HoldStatus.AlreadyHeld, book.BalanceOf(account), cost);
            }

            if (member.Scope.IsDirectMessage && _policy.DirectMessagesDisabled)
            {
                return new HoldResult(HoldStatus.DirectMessagesDisabled, book.BalanceOf(account), cost);
            }

            if (account.Blocked)
            {
                return new HoldResult(HoldStatus.Blocked, book.BalanceOf(account), cost);
            }

            // The server's pool first: when it is empty, no grant to the member would help, and the member is told
            // when it refills rather than that they are short.
            var pool = book.OpenPool(member.Scope.GuildId);
            if (pool.Available < cost)
            {
                return new HoldResult(HoldStatus.ServerBudgetExhausted, book.BalanceOf(account), cost) { Pool = book.BalanceOf(pool) };
            }

            if (account.Balance < cost)
            {
                return new HoldResult(HoldStatus.InsufficientCredits, book.BalanceOf(account), cost) { Pool = book.BalanceOf(pool) };
            }

            var fromAllowance = Math.Min(account.AllowanceRemaining, cost);
            var fromBonus = cost - fromAllowance;
            book.Record(account, CreditEntryKind.Hold, member.Scope.UserId, cost, null, generationId, a =>
            {
                a.AllowanceUsed += fromAllowance;
                a.Bonus -= fromBonus;
                a.Held += cost;
            });
            CreditBook.Change(pool, p => p.Held += cost);
            book.InsertHold(new CreditHold(generationId, member.Scope, cost, fromAllowance, fromBonus, book.Now, FromServerPool: true));
            book.Save(account);
            book.SavePool(pool);
            return new HoldResult(HoldStatus.Placed, book.BalanceOf(account), cost) { Pool = book.BalanceOf(pool) };
        });

        _logger.LogDebug("Hold {GenerationId} for {Scope}: {Status}, {Cost} credits, {Available} left",
            generationId, member.Scope, result.Status, cost, result.Balance.Available);
        return result;
    }

    public CreditBalance? Settle(string generationId)
    {
        ValidateGenerationId(generationId);
        return Close(generationId, CreditHoldDocuments.Settled, null);
    }

    public CreditBalance? Release(string generationId, string reason)
    {
        ValidateGenerationId(generationId);
        return Close(generationId, CreditHoldDocuments.Released, string.IsNullOrWhiteSpace(reason) ? "released" : Trim(reason));
    }

    public ServerPoolBalance PeekServerPool(ulong guildId) =>
        _database.Read(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            return book.BalanceOf(book.OpenPool(guildId));
        });

    public IReadOnlyList<ServerPoolBalance> GetServerPools() =>
        _database.Read(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            return CreditCollections.ServerPoolsIn(db).FindAll()
                .Select(doc => Bson.ToUlong(doc["_id"]))
                .ToList()
                .Select(guildId => book.BalanceOf(book.OpenPool(guildId)))
                .OrderByDescending(pool => pool.Spent + pool.Held)
                .ThenBy(pool => pool.GuildId)
                .ToList();
        });

    public IReadOnlyList<CreditHold> GetOpenHolds() =>
        _database.Read(db => CreditCollections.HoldsIn(db)
            .Find(LiteDB.Query.EQ("st", CreditHoldDocuments.Open))
            .Select(CreditHoldDocuments.FromDocument)
            .OrderBy(hold => hold.PlacedAt)
            .ThenBy(hold => hold.GenerationId, StringComparer.Ordinal)
            .ToList());

    private CreditBalance? Close(string generationId, string state, string? reason)
    {
        var balance = _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var doc = book.FindHold(generationId);
            if (doc is null || !CreditHoldDocuments.IsOpen(doc))
            {
                return null;
            }

            var hold = CreditHoldDocuments.FromDocument(doc);
            var account = book.Open(hold.Scope, null);
            var pool = hold.FromServerPool ? book.OpenPool(hold.Scope.GuildId) : null;
            if (state == CreditHoldDocuments.Settled)
            {
                if (pool is not null)
                {
                    // Counted in the period it is delivered in, like the member's own spending.
                    CreditBook.Change(pool, p =>
                    {
                        p.Held -= hold.Amount;
                        p.Spent += hold.Amount;
                        p.TotalSpent += hold.Amount;
                    });
                }

                book.Record(account, CreditEntryKind.Settle, null, hold.Amount, null, generationId, a =>
                {
                    a.Held -= hold.Amount;
                    a.SpentThisPeriod += hold.Amount;
                    a.TotalSpent += hold.Amount;
                    a.ImagesMade++;
                });
            }
            else
            {
                if (pool is not null)
                {
                    CreditBook.Change(pool, p => p.Held -= hold.Amount);
                }

                // The bonus part always comes back. The allowance part comes back into this period's pot, which
                // never exceeds the allowance: after a refill boundary it may already be full again, and unused
                // allowance does not pile up. The entry's delta shows what actually came back.
                book.Record(account, CreditEntryKind.Release, null, hold.Amount, reason, generationId, a =>
                {
                    a.Held -= hold.Amount;
                    a.Bonus += hold.FromBonus;
                    a.AllowanceUsed = Math.Max(0, a.AllowanceUsed - hold.FromAllowance);
                });
            }

            CreditHoldDocuments.Close(doc, state, book.Now, reason);
            book.UpdateHold(doc);
            if (state == CreditHoldDocuments.Settled)
            {
                // Crash tests kill the process here, with the settle half-written and not committed.
                FailPoints.Reach(FailPointNames.DuringSettle);
            }

            book.Save(account);
            if (pool is not null)
            {
                book.SavePool(pool);
            }

            return book.BalanceOf(account);
        });

        if (balance is null)
        {
            _logger.LogDebug("No open hold {GenerationId} to mark {State}", generationId, state);
        }

        return balance;
    }

    private static void ValidateGenerationId(string generationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generationId);
        if (generationId.Length > MaxGenerationIdLength)
        {
            throw new ArgumentException($"A generation id is at most {MaxGenerationIdLength} characters.", nameof(generationId));
        }
    }

    private static string Trim(string reason) =>
        reason.Length <= CreditPolicy.MaxReasonLength ? reason.Trim() : reason[..CreditPolicy.MaxReasonLength].Trim();
}
