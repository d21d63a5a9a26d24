using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>Lazy, exact refills against a fake clock.</summary>
public sealed class RefillTests
{
    [Fact]
    public void The_allowance_refills_at_the_boundary_and_unused_allowance_does_not_pile_up()
    {
        using var harness = new LedgerHarness();
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 12);
        harness.Ledger.Settle("a");
        harness.Moderation.Grant(LedgerHarness.Moderator, member, 5);

        harness.Time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.Equal(33, harness.Ledger.GetBalance(member).Available);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var refilled = harness.Ledger.GetBalance(member);

        Assert.Equal((40, 5, 0), (refilled.AllowanceRemaining, refilled.Bonus, refilled.SpentThisPeriod));
        Assert.Equal(1, refilled.ImagesMade);
        var refill = harness.Entries(member.Scope)[^1];
        Assert.Equal((CreditEntryKind.Refill, 33, 12, 45), (refill.Kind, refill.BalanceBefore, refill.Delta, refill.BalanceAfter));

        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(45, harness.Ledger.GetBalance(member).Available);
        Assert.Equal(2, harness.Entries(member.Scope).Count(e => e.Kind == CreditEntryKind.Refill));
        harness.AssertConsistent();
    }

    [Fact]
    public void A_member_idle_for_a_month_gets_one_refill_not_thirty()
    {
        using var harness = new LedgerHarness();
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 40);
        harness.Ledger.Settle("a");

        harness.Time.Advance(TimeSpan.FromDays(31));
        var balance = harness.Ledger.GetBalance(member);

        Assert.Equal(40, balance.Available);
        Assert.Equal([40, 40], harness.Entries(member.Scope).Where(e => e.Kind == CreditEntryKind.Refill).Select(e => e.Delta));
        harness.AssertConsistent();
    }

    [Theory]
    [InlineData(RefillPeriod.Weekly, 5, 6)]   // Wednesday 12 March: the week refills on Monday 17 March
    [InlineData(RefillPeriod.Monthly, 19, 20)] // the month refills on 1 April
    public void Weekly_and_monthly_periods_refill_on_monday_and_on_the_first(RefillPeriod period, int daysBefore, int daysAfter)
    {
        using var harness = new LedgerHarness(new CreditOptions { RefillPeriod = period });
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 40);
        harness.Ledger.Settle("a");
        var midnight = new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);

        harness.Time.SetUtcNow(midnight.AddDays(daysBefore).AddTicks(-1));
        Assert.Equal(0, harness.Ledger.GetBalance(member).Available);
        harness.Time.SetUtcNow(midnight.AddDays(daysAfter));
        var refilled = harness.Ledger.GetBalance(member);

        Assert.Equal(40, refilled.Available);
        Assert.Equal(period, refilled.Period);
    }

    [Fact]
    public void Never_means_the_first_allowance_is_all_there_is()
    {
        using var harness = new LedgerHarness(new CreditOptions { RefillPeriod = RefillPeriod.Never });
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 40);
        harness.Ledger.Settle("a");

        harness.Time.Advance(TimeSpan.FromDays(400));
        var balance = harness.Ledger.GetBalance(member);

        Assert.Equal(0, balance.Available);
        Assert.Null(balance.NextRefill);
    }

    [Fact]
    public void The_configured_time_zone_decides_when_the_day_ends()
    {
        // 10:00 UTC on 12 March is 23:00 in Auckland (UTC+13); the Auckland day ends an hour later.
        using var harness = new LedgerHarness(new CreditOptions { TimeZone = "Pacific/Auckland" });
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 40);
        harness.Ledger.Settle("a");
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 11, 0, 0, TimeSpan.Zero), harness.Ledger.GetBalance(member).NextRefill);

        harness.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, harness.Ledger.GetBalance(member).Available);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(40, harness.Ledger.GetBalance(member).Available);
    }

    [Fact]
    public void Refills_follow_local_midnight_across_a_daylight_saving_change()
    {
        // Berlin springs forward on Sunday 30 March 2025: that day starts 23:00 UTC on the 29th, the next 22:00 UTC on the 30th.
        using var harness = new LedgerHarness(
            new CreditOptions { TimeZone = "Europe/Berlin" }, new DateTimeOffset(2025, 3, 29, 22, 0, 0, TimeSpan.Zero));
        var member = LedgerHarness.Member(1);
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 3 * 24 * 4; i++)
        {
            if (harness.Ledger.TryHold(member, $"g{i}", 40).Status == HoldStatus.Placed)
            {
                times.Add(harness.Time.GetUtcNow());
                harness.Ledger.Settle($"g{i}");
            }

            harness.Time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(
            [
                new DateTimeOffset(2025, 3, 29, 22, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 3, 30, 22, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero),
            ],
            times);
    }

    [Fact]
    public void A_guild_can_override_the_period()
    {
        using var harness = new LedgerHarness();
        var member = LedgerHarness.Member(1);
        harness.Moderation.SetRefillPeriod(LedgerHarness.Guild, LedgerHarness.Moderator, RefillPeriod.Weekly);
        harness.Ledger.TryHold(member, "a", 40);
        harness.Ledger.Settle("a");

        harness.Time.Advance(TimeSpan.FromDays(1));
        var balance = harness.Ledger.GetBalance(member);

        Assert.Equal(0, balance.Available);
        Assert.Equal(RefillPeriod.Weekly, balance.Period);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 0, 0, 0, TimeSpan.Zero), balance.NextRefill);
        Assert.Equal(RefillPeriod.Daily, harness.Ledger.GetBalance(new CreditMember(new CreditScope(501, 1), [])).Period);
    }

    [Fact]
    public void A_release_after_a_boundary_gives_the_allowance_part_back_only_up_to_the_allowance()
    {
        using var harness = new LedgerHarness();
        var member = LedgerHarness.Member(1);
        harness.Moderation.Grant(LedgerHarness.Moderator, member, 2);
        harness.Ledger.TryHold(member, "spent", 30);
        harness.Ledger.Settle("spent");
        harness.Ledger.TryHold(member, "slow", 12);        // 10 from the allowance, 2 from the bonus
        Assert.Equal(0, harness.Ledger.GetBalance(member).Available);

        harness.Time.Advance(TimeSpan.FromDays(1));         // refill: the allowance is full again
        harness.Ledger.TryHold(member, "today", 4);         // 36 allowance left
        var released = harness.Ledger.Release("slow", "timed out");

        Assert.NotNull(released);
        Assert.Equal((40, 2, 4), (released.AllowanceRemaining, released.Bonus, released.Held));
        var release = harness.Entries(member.Scope)[^1];
        Assert.Equal((CreditEntryKind.Release, 12, 36, 6, 42), (release.Kind, release.Amount, release.BalanceBefore, release.Delta, release.BalanceAfter));
        harness.AssertConsistent();
    }

    [Fact]
    public void A_release_in_the_same_period_returns_everything()
    {
        using var harness = new LedgerHarness();
        var member = LedgerHarness.Member(1);
        harness.Ledger.TryHold(member, "a", 40);

        harness.Time.Advance(TimeSpan.FromHours(13));
        var released = harness.Ledger.Release("a", "failed");

        Assert.Equal(40, released!.Available);
    }
}
