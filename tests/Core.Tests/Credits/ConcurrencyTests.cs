using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Two_simultaneous_holds_from_a_member_who_can_afford_one_place_exactly_one()
    {
        using var harness = new LedgerHarness(new CreditOptions { DefaultAllowance = 4 });
        for (var iteration = 0; iteration < 150; iteration++)
        {
            var member = LedgerHarness.Member((ulong)iteration + 1);
            using var barrier = new Barrier(2);
            var results = new HoldResult[2];
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                results[t] = harness.Ledger.TryHold(member, $"{iteration}-{t}", 4);
            })).ToList();

            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Equal(1, results.Count(r => r.Status == HoldStatus.Placed));
            Assert.Equal(1, results.Count(r => r.Status == HoldStatus.InsufficientCredits));
            Assert.Equal(0, harness.Ledger.GetBalance(member).Available);
        }

        harness.AssertConsistent();
    }

    [Fact]
    public void Two_simultaneous_holds_from_two_members_of_a_server_whose_pool_covers_one_place_exactly_one()
    {
        using var harness = new LedgerHarness(new CreditOptions { DefaultAllowance = 100 }, operatorOptions: new OperatorOptions { DefaultServerBudget = 4 });
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var guild = 10_000 + (ulong)iteration;
            using var barrier = new Barrier(2);
            var results = new HoldResult[2];
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                results[t] = harness.Ledger.TryHold(new CreditMember(new CreditScope(guild, (ulong)t + 1), []), $"{iteration}-{t}", 4);
            })).ToList();

            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Equal(1, results.Count(r => r.Status == HoldStatus.Placed));
            Assert.Equal(1, results.Count(r => r.Status == HoldStatus.ServerBudgetExhausted));
            Assert.Equal(4, harness.Ledger.PeekServerPool(guild).Held);
        }

        harness.AssertConsistent();
    }

    [Fact]
    public void Many_threads_hammering_one_member_never_overspend()
    {
        using var harness = new LedgerHarness(new CreditOptions { DefaultAllowance = 100 });
        var member = LedgerHarness.Member(1);
        var placed = 0;

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                var generation = $"{t}-{i}";
                if (harness.Ledger.TryHold(member, generation, 3).Status == HoldStatus.Placed)
                {
                    Interlocked.Increment(ref placed);
                    if (i % 2 == 0)
                    {
                        harness.Ledger.Settle(generation);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // 100 credits buy 33 holds of 3; every other one is settled, none released.
        Assert.Equal(33, placed);
        var balance = harness.Ledger.GetBalance(member);
        Assert.Equal(1, balance.Available);
        Assert.Equal(99, balance.Held + balance.SpentThisPeriod);
        harness.AssertConsistent();
    }
}
