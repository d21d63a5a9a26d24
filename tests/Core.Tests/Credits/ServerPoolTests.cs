using LiteDB;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>
/// Server budgets: every hold takes from the member and from the server's pool in one transaction, settles and
/// releases move both, an empty pool refuses whatever the member has, and the pool refills at its own period.
/// </summary>
public sealed class ServerPoolTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private readonly LedgerHarness _harness = new(
        new CreditOptions { DefaultAllowance = 100, TimeZone = "Europe/Berlin", DirectMessageAllowance = 20 },
        Start,
        new OperatorOptions { DefaultServerBudget = 20, ServerBudgetPeriod = RefillPeriod.Monthly });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_hold_takes_from_member_and_pool_settle_spends_both_and_release_returns_both()
    {
        var alice = LedgerHarness.Member(1);

        var hold = _harness.Ledger.TryHold(alice, "g1", 4);
        Assert.Equal(HoldStatus.Placed, hold.Status);
        Assert.Equal((4L, 0L, 16L), (hold.Pool!.Held, hold.Pool.Spent, hold.Pool.Available));
        Assert.Equal(96, hold.Balance.Available);

        _harness.Ledger.Settle("g1");
        var afterSettle = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal((0L, 4L, 4L, 16L), (afterSettle.Held, afterSettle.Spent, afterSettle.TotalSpent, afterSettle.Available));

        _harness.Ledger.TryHold(alice, "g2", 4);
        _harness.Ledger.Release("g2", "failed");
        var afterRelease = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal((0L, 4L, 16L), (afterRelease.Held, afterRelease.Spent, afterRelease.Available));
        Assert.Equal(96, _harness.Ledger.GetBalance(alice).Available);
        _harness.AssertConsistent();
    }

    [Fact]
    public void An_empty_pool_refuses_with_the_refill_time_and_nothing_is_written()
    {
        var alice = LedgerHarness.Member(1);
        var bob = LedgerHarness.Member(2);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HoldStatus.Placed, _harness.Ledger.TryHold(i % 2 == 0 ? alice : bob, $"g{i}", 4).Status);
        }

        var entries = _harness.EntryCount();
        var refused = _harness.Ledger.TryHold(bob, "g-over", 4);

        Assert.Equal(HoldStatus.ServerBudgetExhausted, refused.Status);
        Assert.Equal(0, refused.Pool!.Available);
        Assert.Equal(20, refused.Pool.Budget);

        // Midnight of April 1st in Berlin (summer time, UTC+2).
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), refused.Pool.NextRefill);
        Assert.Equal(92, refused.Balance.Available);
        Assert.Equal(entries, _harness.EntryCount());
        Assert.Null(_harness.Ledger.GetOpenHolds().SingleOrDefault(h => h.GenerationId == "g-over"));
        _harness.AssertConsistent();
    }

    [Fact]
    public void A_moderator_grant_cannot_make_the_server_spend_past_its_pool()
    {
        var alice = LedgerHarness.Member(1);
        for (var i = 0; i < 5; i++)
        {
            _harness.Ledger.TryHold(alice, $"g{i}", 4);
            _harness.Ledger.Settle($"g{i}");
        }

        Assert.True(_harness.Moderation.Grant(LedgerHarness.Moderator, alice, 500, "generous").Succeeded);
        Assert.True(_harness.Moderation.Set(LedgerHarness.Moderator, alice, 1000).Succeeded);

        Assert.Equal(HoldStatus.ServerBudgetExhausted, _harness.Ledger.TryHold(alice, "g-after-grant", 1).Status);
        Assert.Equal(20, _harness.Ledger.PeekServerPool(LedgerHarness.Guild).Spent);
    }

    [Fact]
    public void The_pool_refills_at_its_period_boundary_in_the_configured_time_zone()
    {
        var alice = LedgerHarness.Member(1);
        for (var i = 0; i < 5; i++)
        {
            _harness.Ledger.TryHold(alice, $"g{i}", 4);
            _harness.Ledger.Settle($"g{i}");
        }

        // 23:59 on March 31st in Berlin: still March.
        _harness.Time.SetUtcNow(new DateTimeOffset(2025, 3, 31, 21, 59, 0, TimeSpan.Zero));
        Assert.Equal(HoldStatus.ServerBudgetExhausted, _harness.Ledger.TryHold(alice, "late-march", 4).Status);

        _harness.Time.SetUtcNow(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero));
        var pool = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal((0L, 20L, 20L), (pool.Spent, pool.Available, pool.TotalSpent));
        Assert.Equal(HoldStatus.Placed, _harness.Ledger.TryHold(alice, "april", 4).Status);
        _harness.AssertConsistent();
    }

    [Fact]
    public void A_hold_placed_before_the_boundary_and_settled_after_counts_in_the_new_period()
    {
        var alice = LedgerHarness.Member(1);
        _harness.Time.SetUtcNow(new DateTimeOffset(2025, 3, 31, 21, 59, 0, TimeSpan.Zero));
        _harness.Ledger.TryHold(alice, "across", 4);

        _harness.Time.SetUtcNow(new DateTimeOffset(2025, 3, 31, 22, 1, 0, TimeSpan.Zero));
        Assert.Equal(16, _harness.Ledger.PeekServerPool(LedgerHarness.Guild).Available);
        _harness.Ledger.Settle("across");

        var pool = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal((4L, 0L, 16L), (pool.Spent, pool.Held, pool.Available));
        _harness.AssertConsistent();
    }

    [Fact]
    public void An_operator_budget_applies_at_once_and_lowering_it_below_the_spending_leaves_nothing_not_less()
    {
        var alice = LedgerHarness.Member(1);
        _harness.Servers.SetBudget(LedgerHarness.Guild, 77, 8);
        Assert.Equal((8, true), (_harness.Ledger.PeekServerPool(LedgerHarness.Guild).Budget, _harness.Ledger.PeekServerPool(LedgerHarness.Guild).BudgetIsOverride));
        _harness.Ledger.TryHold(alice, "g1", 4);
        _harness.Ledger.Settle("g1");
        _harness.Ledger.TryHold(alice, "g2", 4);

        _harness.Servers.SetBudget(LedgerHarness.Guild, 77, 2);
        var lowered = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal(0, lowered.Available);
        Assert.Equal(HoldStatus.ServerBudgetExhausted, _harness.Ledger.TryHold(alice, "g3", 1).Status);

        _harness.Servers.SetBudget(LedgerHarness.Guild, 77, null);
        Assert.Equal(12, _harness.Ledger.PeekServerPool(LedgerHarness.Guild).Available);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Servers_have_pools_of_their_own()
    {
        _harness.Servers.SetBudget(501, 77, 4);

        Assert.Equal(HoldStatus.Placed, _harness.Ledger.TryHold(new CreditMember(new CreditScope(501, 1), []), "a", 4).Status);
        Assert.Equal(HoldStatus.ServerBudgetExhausted, _harness.Ledger.TryHold(new CreditMember(new CreditScope(501, 2), []), "b", 4).Status);
        Assert.Equal(HoldStatus.Placed, _harness.Ledger.TryHold(LedgerHarness.Member(2), "c", 4).Status);
        Assert.Equal([LedgerHarness.Guild, 501UL], _harness.Ledger.GetServerPools().Select(p => p.GuildId).Order());
        _harness.AssertConsistent();
    }

    [Fact]
    public void Direct_messages_draw_from_their_own_pool_which_is_off_by_default()
    {
        var dm = CreditMember.DirectMessage(5);

        var off = _harness.Ledger.TryHold(dm, "dm-1", 4);
        Assert.Equal(HoldStatus.ServerBudgetExhausted, off.Status);
        Assert.Equal((0, true), (off.Pool!.Budget, off.Pool.IsDirectMessages));

        using var open = new LedgerHarness(
            new CreditOptions { DirectMessageAllowance = 20 },
            Start,
            new OperatorOptions { DirectMessageBudget = 6 });
        Assert.Equal(HoldStatus.Placed, open.Ledger.TryHold(dm, "dm-1", 4).Status);
        Assert.Equal(HoldStatus.ServerBudgetExhausted, open.Ledger.TryHold(CreditMember.DirectMessage(6), "dm-2", 4).Status);
        open.AssertConsistent();
    }

    [Fact]
    public void Many_members_of_one_server_hammering_a_small_pool_never_spend_past_it()
    {
        using var harness = new LedgerHarness(new CreditOptions { DefaultAllowance = 1000 }, Start, new OperatorOptions { DefaultServerBudget = 90 });
        var placed = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var member = LedgerHarness.Member((ulong)t + 1);
            for (var i = 0; i < 20; i++)
            {
                var generation = $"{t}-{i}";
                if (harness.Ledger.TryHold(member, generation, 3).Status == HoldStatus.Placed)
                {
                    Interlocked.Increment(ref placed);
                    if (i % 3 == 0)
                    {
                        harness.Ledger.Release(generation, "failed");
                    }
                    else
                    {
                        harness.Ledger.Settle(generation);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var pool = harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal(90, pool.Spent);
        Assert.Equal(0, pool.Held);
        Assert.True(placed > 30, $"only {placed} holds were placed");
        harness.AssertConsistent();
    }

    [Fact]
    public void Holds_from_before_server_budgets_close_on_the_members_side_only()
    {
        var alice = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(alice, "legacy", 4);

        // As schema 1 wrote it: no pool share on the hold, nothing held by the pool.
        _harness.Database.Write(db =>
        {
            var hold = db.GetCollection(CreditCollections.Holds).FindById("legacy");
            hold.Remove("sp");
            db.GetCollection(CreditCollections.Holds).Update(hold);
            var pool = db.GetCollection(CreditCollections.ServerPools).FindById(new BsonValue((long)LedgerHarness.Guild));
            pool["h"] = 0L;
            db.GetCollection(CreditCollections.ServerPools).Update(pool);
        });
        _harness.AssertConsistent();

        Assert.NotNull(_harness.Ledger.Settle("legacy"));

        var after = _harness.Ledger.PeekServerPool(LedgerHarness.Guild);
        Assert.Equal((0L, 0L), (after.Held, after.Spent));
        _harness.AssertConsistent();
    }

    [Fact]
    public void The_audit_catches_a_pool_that_disagrees_with_the_members()
    {
        _harness.Ledger.TryHold(LedgerHarness.Member(1), "g1", 4);
        _harness.Database.Write(db =>
        {
            var pool = db.GetCollection(CreditCollections.ServerPools).FindById(new BsonValue((long)LedgerHarness.Guild));
            pool["h"] = 8L;
            db.GetCollection(CreditCollections.ServerPools).Update(pool);
        });

        var problems = _harness.Audit.FindProblems();

        Assert.Contains(problems, p => p.Contains("holds 8, its open holds add up to 4", StringComparison.Ordinal));
    }
}
