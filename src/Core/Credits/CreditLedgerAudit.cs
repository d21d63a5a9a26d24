using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// Checks the ledger's invariants over the whole database: every member's entries chain (each starts where the
/// previous ended) and add up to their balance; open holds add up to what is held; every hold has its hold entry and,
/// once closed, exactly one settle or release entry; and the server side agrees with the member side: each server
/// pool holds exactly its open pooled holds and has spent exactly its settled ones. One pass over the ledger (time and
/// memory linear in its size), so run it at start or on demand rather than per request; an empty list means all is
/// well.
/// </summary>
public sealed class CreditLedgerAudit
{
    private readonly SeedreamDatabase _database;

    public CreditLedgerAudit(SeedreamDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public IReadOnlyList<string> FindProblems() => _database.Read(Check);

    private static List<string> Check(LiteDatabase db)
    {
        var problems = new List<string>();
        var sums = new Dictionary<string, (long Sum, int Last)>();
        var entryKinds = new Dictionary<string, List<CreditEntryKind>>(StringComparer.Ordinal);
        foreach (var doc in CreditCollections.EntriesIn(db).Query().OrderBy("_id").ToEnumerable())
        {
            var entry = CreditEntryDocuments.FromDocument(doc);
            var key = CreditAccount.KeyOf(entry.Scope);
            if (entry.BalanceAfter != entry.BalanceBefore + entry.Delta)
            {
                problems.Add($"Entry {entry.Id} ({entry.Scope}): {entry.BalanceBefore} + {entry.Delta} != {entry.BalanceAfter}.");
            }

            var (sum, last) = sums.GetValueOrDefault(key);
            if (entry.BalanceBefore != last)
            {
                problems.Add($"Entry {entry.Id} ({entry.Scope}) starts at {entry.BalanceBefore}, the previous one ended at {last}.");
            }

            sums[key] = (sum + entry.Delta, entry.BalanceAfter);
            if (entry.GenerationId is { } generation)
            {
                if (!entryKinds.TryGetValue(generation, out var kinds))
                {
                    kinds = [];
                    entryKinds[generation] = kinds;
                }

                kinds.Add(entry.Kind);
            }
        }

        var held = new Dictionary<string, long>();
        var poolHeld = new Dictionary<ulong, long>();
        var poolSettled = new Dictionary<ulong, long>();
        foreach (var doc in CreditCollections.HoldsIn(db).FindAll())
        {
            var hold = CreditHoldDocuments.FromDocument(doc);
            var state = doc["st"].AsString;
            var kinds = entryKinds.GetValueOrDefault(hold.GenerationId) ?? [];
            var closes = kinds.Count(k => k is CreditEntryKind.Settle or CreditEntryKind.Release);
            if (kinds.Count(k => k == CreditEntryKind.Hold) != 1)
            {
                problems.Add($"Hold {hold.GenerationId} has {kinds.Count(k => k == CreditEntryKind.Hold)} hold entries.");
            }

            var expected = state switch
            {
                CreditHoldDocuments.Open => (Closes: 0, Kind: (CreditEntryKind?)null),
                CreditHoldDocuments.Settled => (Closes: 1, Kind: CreditEntryKind.Settle),
                _ => (Closes: 1, Kind: CreditEntryKind.Release),
            };
            if (closes != expected.Closes || (expected.Kind is { } kind && !kinds.Contains(kind)))
            {
                problems.Add($"Hold {hold.GenerationId} is {state} but has entries [{string.Join(", ", kinds)}].");
            }

            if (state == CreditHoldDocuments.Open)
            {
                var key = CreditAccount.KeyOf(hold.Scope);
                held[key] = held.GetValueOrDefault(key) + hold.Amount;
            }

            if (hold.FromServerPool)
            {
                var guild = hold.Scope.GuildId;
                if (state == CreditHoldDocuments.Open)
                {
                    poolHeld[guild] = poolHeld.GetValueOrDefault(guild) + hold.Amount;
                }
                else if (state == CreditHoldDocuments.Settled)
                {
                    poolSettled[guild] = poolSettled.GetValueOrDefault(guild) + hold.Amount;
                }
            }

            if (hold.FromAllowance + hold.FromBonus != hold.Amount || hold.FromAllowance < 0 || hold.FromBonus < 0)
            {
                problems.Add($"Hold {hold.GenerationId} splits {hold.Amount} into {hold.FromAllowance} + {hold.FromBonus}.");
            }
        }

        foreach (var doc in CreditCollections.AccountsIn(db).FindAll())
        {
            var account = CreditAccount.FromDocument(doc);
            var key = CreditAccount.KeyOf(account.Scope);
            var (sum, _) = sums.GetValueOrDefault(key);
            if (sum != account.Balance)
            {
                problems.Add($"{account.Scope}: entries add up to {sum}, the balance is {account.Balance}.");
            }

            if (held.GetValueOrDefault(key) != account.Held)
            {
                problems.Add($"{account.Scope}: open holds add up to {held.GetValueOrDefault(key)}, held is {account.Held}.");
            }

            if (account.Bonus < 0 || account.AllowanceUsed < 0 || account.Held < 0)
            {
                problems.Add($"{account.Scope}: a pot is negative (used {account.AllowanceUsed}, bonus {account.Bonus}, held {account.Held}).");
            }

            sums.Remove(key);
        }

        problems.AddRange(sums.Keys.Select(key => $"Entries exist for {key}, which has no account."));
        CheckServerPools(db, poolHeld, poolSettled, problems);
        return problems;
    }

    private static void CheckServerPools(
        LiteDatabase db, Dictionary<ulong, long> poolHeld, Dictionary<ulong, long> poolSettled, List<string> problems)
    {
        var seen = new HashSet<ulong>();
        foreach (var doc in CreditCollections.ServerPoolsIn(db).FindAll())
        {
            var pool = ServerPool.FromDocument(doc);
            var name = pool.GuildId == 0 ? "The direct-message pool" : $"Server {pool.GuildId}'s pool";
            seen.Add(pool.GuildId);
            if (pool.Held != poolHeld.GetValueOrDefault(pool.GuildId))
            {
                problems.Add($"{name} holds {pool.Held}, its open holds add up to {poolHeld.GetValueOrDefault(pool.GuildId)}.");
            }

            if (pool.TotalSpent != poolSettled.GetValueOrDefault(pool.GuildId))
            {
                problems.Add($"{name} spent {pool.TotalSpent} in all, its settled holds add up to {poolSettled.GetValueOrDefault(pool.GuildId)}.");
            }

            if (pool.Held < 0 || pool.Spent < 0 || pool.Spent > pool.TotalSpent)
            {
                problems.Add($"{name} is impossible: spent {pool.Spent} this period of {pool.TotalSpent} in all, held {pool.Held}.");
            }
        }

        problems.AddRange(poolHeld.Keys.Concat(poolSettled.Keys).Distinct().Where(guild => !seen.Contains(guild))
            .Select(guild => $"Holds were taken from server {guild}'s pool, which does not exist."));
    }
}
