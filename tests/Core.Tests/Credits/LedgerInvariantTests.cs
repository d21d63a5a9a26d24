using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>Thousands of random operations, then the books must balance.</summary>
public sealed class LedgerInvariantTests
{
    private const int Operations = 2500;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Entries_always_add_up_to_the_balance(int seed)
    {
        var random = new Random(seed);
        using var harness = new LedgerHarness(
            new CreditOptions
            {
                DefaultAllowance = 20,
                DirectMessageAllowance = 8,
                TimeZone = "America/New_York",
                MaxAdjustment = 50,
            },
            operatorOptions: new OperatorOptions { DefaultServerBudget = 400, ServerBudgetPeriod = RefillPeriod.Weekly, DirectMessageBudget = 60 });
        const ulong otherGuild = LedgerHarness.Guild + 1;
        ulong[] roles = [1, 2, 3];
        harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 30, target: AllowanceTarget.Role(1));
        harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 60, target: AllowanceTarget.Role(2));
        var open = new List<string>();
        var closed = new List<string>();

        CreditMember RandomMember()
        {
            if (random.Next(12) == 0)
            {
                return CreditMember.DirectMessage((ulong)random.Next(1, 3));
            }

            var memberRoles = roles.Where(_ => random.Next(3) == 0).ToArray();
            return random.Next(5) == 0
                ? new CreditMember(new CreditScope(otherGuild, (ulong)random.Next(1, 4)), memberRoles)
                : LedgerHarness.Member((ulong)random.Next(1, 7), memberRoles);
        }

        for (var i = 0; i < Operations; i++)
        {
            var member = RandomMember();
            var amount = random.Next(-2, 60);
            switch (random.Next(20))
            {
                case < 6:
                    var generation = $"g{i}";
                    var hold = harness.Ledger.TryHold(member, generation, random.Next(1, 13));
                    if (hold.Status == HoldStatus.Placed)
                    {
                        open.Add(generation);
                    }

                    Assert.True(hold.Balance.Available >= 0);
                    Assert.True(hold.Pool is null || hold.Pool.Available >= 0);
                    break;
                case < 9 when open.Count > 0:
                    Close(open, closed, random, id => harness.Ledger.Settle(id));
                    break;
                case < 11 when open.Count > 0:
                    Close(open, closed, random, id => harness.Ledger.Release(id, "random failure"));
                    break;
                case 11 when closed.Count > 0:
                    // Late duplicates of a settle or release must change nothing.
                    var late = closed[random.Next(closed.Count)];
                    Assert.Null(random.Next(2) == 0 ? harness.Ledger.Settle(late) : harness.Ledger.Release(late, "late"));
                    break;
                case 12:
                    CheckResult(harness.Moderation.Grant(LedgerHarness.Moderator, member, amount));
                    break;
                case 13:
                    CheckResult(harness.Moderation.Take(LedgerHarness.Moderator, member, amount));
                    break;
                case 14:
                    CheckResult(harness.Moderation.Set(LedgerHarness.Moderator, member, amount));
                    break;
                case 15 when random.Next(4) == 0:
                    CheckResult(harness.Moderation.Reset(LedgerHarness.Moderator, member));
                    break;
                case 16:
                    CheckResult(random.Next(2) == 0
                        ? harness.Moderation.Block(LedgerHarness.Moderator, member)
                        : harness.Moderation.Unblock(LedgerHarness.Moderator, member));
                    break;
                case 17:
                    var target = random.Next(3) switch
                    {
                        0 => AllowanceTarget.Guild,
                        1 => AllowanceTarget.Role(roles[random.Next(roles.Length)]),
                        _ => AllowanceTarget.User((ulong)random.Next(1, 7)),
                    };
                    if (random.Next(3) == 0)
                    {
                        harness.Moderation.ClearAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, target);
                    }
                    else
                    {
                        harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, amount, target: target);
                    }

                    break;
                case 18:
                    harness.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 60 * 30)));
                    break;
                case 19 when random.Next(4) == 0:
                    // An operator changes a server's budget while holds are open: the pools must still balance.
                    harness.Servers.SetBudget(random.Next(2) == 0 ? LedgerHarness.Guild : otherGuild, 1, random.Next(3) == 0 ? null : random.Next(0, 200));
                    break;
                default:
                    Assert.True(harness.Ledger.GetBalance(member).Available >= 0);
                    break;
            }

            if (i % 500 == 499)
            {
                harness.AssertConsistent();
            }
        }

        harness.AssertConsistent();
        foreach (var scope in Scopes(harness))
        {
            var entries = harness.Entries(scope);
            var balance = harness.Ledger.GetBalance(new CreditMember(scope, []));
            Assert.Equal(harness.Entries(scope).Sum(e => e.Delta), balance.Available);
            for (var e = 1; e < entries.Count; e++)
            {
                Assert.Equal(entries[e - 1].BalanceAfter, entries[e].BalanceBefore);
            }
        }

        Assert.Equal(open.Order(), harness.Ledger.GetOpenHolds().Select(h => h.GenerationId).Order());
        foreach (var pool in harness.Ledger.GetServerPools())
        {
            // Member and server sides agree: what the pool holds is exactly its members' open holds.
            var heldByMembers = harness.Ledger.GetOpenHolds().Where(h => h.Scope.GuildId == pool.GuildId).Sum(h => h.Amount);
            Assert.Equal(heldByMembers, pool.Held);
        }
    }

    private static void Close(List<string> open, List<string> closed, Random random, Func<string, CreditBalance?> close)
    {
        var index = random.Next(open.Count);
        var generation = open[index];
        open.RemoveAt(index);
        closed.Add(generation);
        Assert.NotNull(close(generation));
    }

    private static void CheckResult(ModerationResult result)
    {
        Assert.True(result.After.Available >= 0);
        Assert.True(result.After.Bonus >= 0);
        if (!result.Succeeded)
        {
            Assert.Equal(result.Before, result.After);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
        }
    }

    private static List<CreditScope> Scopes(LedgerHarness harness) =>
        harness.Database.Read(db => CreditCollections.AccountsIn(db).FindAll()
            .Select(doc => CreditAccount.FromDocument(doc).Scope)
            .ToList());
}
