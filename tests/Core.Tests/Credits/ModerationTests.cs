using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class ModerationTests : IDisposable
{
    private const ulong Mod = LedgerHarness.Moderator;

    private readonly LedgerHarness _harness = new(new CreditOptions { MaxAdjustment = 500 });

    private ICreditModeration Moderation => _harness.Moderation;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Grant_adds_bonus_and_reports_before_and_after()
    {
        var member = LedgerHarness.Member(1);

        var result = Moderation.Grant(Mod, member, 25, "  event prize  ");

        Assert.True(result.Succeeded);
        Assert.Equal(ModerationRefusal.None, result.Refusal);
        Assert.Equal((40, 65, 25), (result.Before.Available, result.After.Available, result.Delta));
        Assert.Equal(25, result.After.Bonus);
        Assert.Equal("Granted 25 bonus credits. Balance 40 → 65.", result.Message);
        var entry = _harness.Entries(member.Scope)[^1];
        Assert.Equal((CreditEntryKind.Grant, Mod, 25, "event prize"), (entry.Kind, entry.ActorId, entry.Amount, entry.Reason));
    }

    [Fact]
    public void Take_removes_bonus_first_then_allowance()
    {
        var member = LedgerHarness.Member(1);
        Moderation.Grant(Mod, member, 5);

        var result = Moderation.Take(Mod, member, 12, "abuse");

        Assert.True(result.Succeeded);
        Assert.Equal((0, 33), (result.After.Bonus, result.After.AllowanceRemaining));
        Assert.Equal("Took 12 credits (5 bonus, 7 allowance). Balance 45 → 33.", result.Message);
    }

    [Fact]
    public void Taking_more_than_the_member_has_is_refused_with_how_much_they_have()
    {
        var member = LedgerHarness.Member(1);
        Moderation.Grant(Mod, member, 3);
        var entries = _harness.EntryCount();

        var result = Moderation.Take(Mod, member, 44);

        Assert.Equal(ModerationRefusal.InsufficientBalance, result.Refusal);
        Assert.Equal("The member has only 43 credits (40 allowance left + 3 bonus), so at most 43 can be taken.", result.Message);
        Assert.Equal(result.Before, result.After);
        Assert.Equal(entries, _harness.EntryCount());

        Moderation.Take(Mod, member, 43);
        Assert.Equal("The member has no credits left to take.", Moderation.Take(Mod, member, 1).Message);
    }

    [Theory]
    [InlineData(0, 40, 0)]
    [InlineData(15, 15, 0)]
    [InlineData(40, 40, 0)]
    [InlineData(100, 40, 60)]
    public void Set_fills_the_allowance_first_and_puts_the_rest_in_bonus(int amount, int allowance, int bonus)
    {
        var member = LedgerHarness.Member(1);
        Moderation.Grant(Mod, member, 7);

        var result = Moderation.Set(Mod, member, amount, "fix");

        Assert.True(result.Succeeded);
        Assert.Equal(amount, result.After.Available);
        Assert.Equal((Math.Min(amount, allowance), bonus), (result.After.AllowanceRemaining, result.After.Bonus));
        Assert.Equal($"Balance set to {amount} ({Math.Min(amount, allowance)} allowance + {bonus} bonus); it was 47.", result.Message);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Set_to_more_than_the_allowance_keeps_the_bonus_part_across_refills()
    {
        var member = LedgerHarness.Member(1);
        Moderation.Set(Mod, member, 100);
        _harness.Ledger.TryHold(member, "a", 30);
        _harness.Ledger.Settle("a");

        _harness.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(100, _harness.Ledger.GetBalance(member).Available);
    }

    [Fact]
    public void Reset_gives_a_fresh_period_with_no_bonus()
    {
        var member = LedgerHarness.Member(1);
        Moderation.Grant(Mod, member, 30);
        _harness.Ledger.TryHold(member, "a", 50);
        _harness.Ledger.Settle("a");

        var result = Moderation.Reset(Mod, member, "start over");

        Assert.True(result.Succeeded);
        Assert.Equal((40, 0, 0), (result.After.AllowanceRemaining, result.After.Bonus, result.After.SpentThisPeriod));
        Assert.Equal("Reset to a fresh period: 40 allowance, no bonus. Balance 20 → 40.", result.Message);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Block_and_unblock_refuse_when_there_is_nothing_to_do()
    {
        var member = LedgerHarness.Member(1);

        Assert.Equal(ModerationRefusal.NotBlocked, Moderation.Unblock(Mod, member).Refusal);
        Assert.Equal("The member isn't blocked.", Moderation.Unblock(Mod, member).Message);
        Assert.True(Moderation.Block(Mod, member, "spam").Succeeded);
        var again = Moderation.Block(Mod, member, "more spam");
        Assert.Equal(ModerationRefusal.AlreadyBlocked, again.Refusal);
        Assert.Equal("The member is already blocked (spam).", again.Message);
        Assert.True(Moderation.Unblock(Mod, member).Succeeded);
        Assert.False(_harness.Ledger.GetBalance(member).Blocked);
    }

    [Theory]
    [InlineData(0, ModerationRefusal.AmountNotPositive, "The amount must be at least 1.")]
    [InlineData(-5, ModerationRefusal.AmountNotPositive, "The amount must be at least 1.")]
    [InlineData(501, ModerationRefusal.AmountTooLarge, "At most 500 credits can be adjusted in one command (Credits:MaxAdjustment).")]
    public void Grant_and_take_refuse_bad_amounts_without_a_trace(int amount, ModerationRefusal refusal, string message)
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.GetBalance(member);
        var entries = _harness.EntryCount();

        foreach (var result in new[] { Moderation.Grant(Mod, member, amount), Moderation.Take(Mod, member, amount) })
        {
            Assert.False(result.Succeeded);
            Assert.Equal(refusal, result.Refusal);
            Assert.Equal(message, result.Message);
            Assert.Equal(40, result.After.Available);
        }

        Assert.Equal(entries, _harness.EntryCount());
    }

    [Fact]
    public void Set_and_allowance_accept_zero_but_refuse_negative_and_too_large_amounts()
    {
        var member = LedgerHarness.Member(1);

        Assert.Equal(ModerationRefusal.AmountNegative, Moderation.Set(Mod, member, -1).Refusal);
        Assert.Equal("The amount can't be negative.", Moderation.Set(Mod, member, -1).Message);
        Assert.Equal(ModerationRefusal.AmountTooLarge, Moderation.Set(Mod, member, 501).Refusal);
        var negative = Moderation.SetAllowance(LedgerHarness.Guild, Mod, -1);
        Assert.Equal((ModerationRefusal.AmountNegative, "The amount can't be negative."), (negative.Refusal, negative.Message));
        Assert.Equal(ModerationRefusal.AmountTooLarge, Moderation.SetAllowance(LedgerHarness.Guild, Mod, 501).Refusal);
        Assert.True(Moderation.Set(Mod, member, 0).Succeeded);
        Assert.True(Moderation.SetAllowance(LedgerHarness.Guild, Mod, 0).Succeeded);
    }

    [Fact]
    public void A_grant_that_would_overflow_the_bonus_is_refused()
    {
        using var harness = new LedgerHarness(new CreditOptions { MaxAdjustment = 1_000_000 });
        var member = LedgerHarness.Member(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(harness.Moderation.Grant(Mod, member, 1_000_000).Succeeded);
        }

        var refused = harness.Moderation.Grant(Mod, member, 1);

        Assert.Equal(ModerationRefusal.BalanceTooLarge, refused.Refusal);
        Assert.Equal("That would give the member more than 100,000,000 bonus credits.", refused.Message);
    }

    [Fact]
    public void A_reason_longer_than_300_characters_is_refused()
    {
        var member = LedgerHarness.Member(1);
        var reason = new string('r', 301);

        foreach (var result in new[]
        {
            Moderation.Grant(Mod, member, 1, reason), Moderation.Take(Mod, member, 1, reason), Moderation.Set(Mod, member, 1, reason),
            Moderation.Reset(Mod, member, reason), Moderation.Block(Mod, member, reason),
        })
        {
            Assert.Equal(ModerationRefusal.ReasonTooLong, result.Refusal);
            Assert.Equal("The reason is too long (301 characters; at most 300).", result.Message);
        }

        Assert.Equal(ModerationRefusal.ReasonTooLong, Moderation.SetAllowance(LedgerHarness.Guild, Mod, 5, reason: reason).Refusal);
        Assert.True(Moderation.Grant(Mod, member, 1, new string('r', 300)).Succeeded);
    }

    [Fact]
    public void Direct_message_scopes_cannot_be_moderated()
    {
        var dm = CreditMember.DirectMessage(1);

        var result = Moderation.Grant(Mod, dm, 5);

        Assert.Equal(ModerationRefusal.NotInGuild, result.Refusal);
        Assert.Equal("Quota commands work only inside a server.", result.Message);
        Assert.Equal(ModerationRefusal.NotInGuild, Moderation.SetAllowance(0, Mod, 5).Refusal);
        Assert.Equal(0, _harness.EntryCount());
    }

    [Fact]
    public void Refused_commands_do_not_even_save_a_refill_that_came_due()
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(member, "a", 10);
        _harness.Ledger.Settle("a");
        var entries = _harness.EntryCount();
        _harness.Time.Advance(TimeSpan.FromDays(1));

        var refused = Moderation.Take(Mod, member, 41);

        Assert.Equal(40, refused.Before.Available);
        Assert.Equal(entries, _harness.EntryCount());
    }

    [Fact]
    public void Allowance_commands_set_and_clear_the_guild_default_roles_and_period()
    {
        var result = Moderation.SetAllowance(LedgerHarness.Guild, Mod, 25, RefillPeriod.Weekly);
        Assert.True(result.Succeeded);
        Assert.Equal((null, 25, RefillPeriod.Daily, RefillPeriod.Weekly), (result.PreviousAllowance, result.Allowance, result.PreviousPeriod, result.Period));
        Assert.Equal("Members without a role allowance or their own now get 25 credits per week. Allowances now refill every week.", result.Message);

        var role = Moderation.SetAllowance(LedgerHarness.Guild, Mod, 80, target: AllowanceTarget.Role(5));
        Assert.Equal("Members whose best role is 5 now get 80 credits per week.", role.Message);
        Assert.Equal(80, _harness.Guilds.Get(LedgerHarness.Guild).RoleAllowances[5]);

        var clearedRole = Moderation.ClearAllowance(LedgerHarness.Guild, Mod, AllowanceTarget.Role(5));
        Assert.Equal((80, null), (clearedRole.PreviousAllowance, clearedRole.Allowance));
        Assert.Equal("Role 5 no longer gives an allowance.", clearedRole.Message);
        Assert.Empty(_harness.Guilds.Get(LedgerHarness.Guild).RoleAllowances);

        var clearedDefault = Moderation.ClearAllowance(LedgerHarness.Guild, Mod, AllowanceTarget.Guild);
        Assert.Equal("The server default is cleared; members get the configured 40 per week.", clearedDefault.Message);

        var period = Moderation.SetRefillPeriod(LedgerHarness.Guild, Mod, null);
        Assert.Equal((RefillPeriod.Weekly, RefillPeriod.Daily), (period.PreviousPeriod, period.Period));
        Assert.Equal("The server uses the configured refill period again (Daily).", period.Message);
    }

    [Fact]
    public void Clearing_what_was_never_set_is_refused()
    {
        Assert.Equal(ModerationRefusal.NothingToClear, Moderation.ClearAllowance(LedgerHarness.Guild, Mod, AllowanceTarget.Guild).Refusal);
        Assert.Equal("That role has no allowance to clear.", Moderation.ClearAllowance(LedgerHarness.Guild, Mod, AllowanceTarget.Role(3)).Message);
        Assert.Equal("That member has no allowance of their own to clear.", Moderation.ClearAllowance(LedgerHarness.Guild, Mod, AllowanceTarget.User(3)).Message);
        var period = Moderation.SetRefillPeriod(LedgerHarness.Guild, Mod, null);
        Assert.Equal((ModerationRefusal.NothingToClear, "The server already uses the configured refill period (Daily)."), (period.Refusal, period.Message));
        Assert.Equal(0, _harness.EntryCount());
    }

    [Fact]
    public void History_is_newest_first_and_paged_per_member_or_for_the_guild()
    {
        var alice = LedgerHarness.Member(1);
        var bob = LedgerHarness.Member(2);
        for (var i = 1; i <= 12; i++)
        {
            Moderation.Grant(Mod, i % 3 == 0 ? bob : alice, i, $"grant {i}");
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = Moderation.GetHistory(LedgerHarness.Guild, alice.Scope.UserId, page: 1, pageSize: 3);
        Assert.Equal(["grant 11", "grant 10", "grant 8"], first.Entries.Select(e => e.Reason));
        Assert.Equal((1, 9, 3), (first.Page, first.TotalEntries, first.TotalPages));
        var last = Moderation.GetHistory(LedgerHarness.Guild, alice.Scope.UserId, page: 3, pageSize: 3);
        Assert.Equal(["grant 2", "grant 1", "First allowance: 40 per day (configured default)"], last.Entries.Select(e => e.Reason));
        Assert.Equal(CreditEntryKind.Refill, last.Entries[^1].Kind);

        var beyond = Moderation.GetHistory(LedgerHarness.Guild, alice.Scope.UserId, page: 99, pageSize: 3);
        Assert.Equal(3, beyond.Page);

        var guild = Moderation.GetHistory(LedgerHarness.Guild, page: 1, pageSize: 5);
        Assert.Equal(14, guild.TotalEntries);
        Assert.Equal("grant 12", guild.Entries[0].Reason);
        Assert.True(guild.Entries.Zip(guild.Entries.Skip(1)).All(pair => pair.First.Id > pair.Second.Id));
        Assert.Empty(Moderation.GetHistory(777).Entries);
    }

    [Fact]
    public void Top_ranks_settled_spending_in_the_current_day_week_month_or_all_time()
    {
        using var harness = new LedgerHarness(new CreditOptions { DefaultAllowance = 1000 }, new DateTimeOffset(2025, 2, 27, 12, 0, 0, TimeSpan.Zero));
        void Spend(ulong user, int amount)
        {
            var generation = Guid.NewGuid().ToString();
            harness.Ledger.TryHold(LedgerHarness.Member(user), generation, amount);
            harness.Ledger.Settle(generation);
        }

        Spend(1, 100);                                  // Thursday 27 February
        harness.Time.Advance(TimeSpan.FromDays(3));     // Sunday 2 March: new month, same week
        Spend(2, 30);
        Spend(2, 30);
        harness.Time.Advance(TimeSpan.FromDays(1));     // Monday 3 March: new week
        Spend(3, 10);
        harness.Ledger.TryHold(LedgerHarness.Member(4), "released", 500);
        harness.Ledger.Release("released", "failed");

        Assert.Equal([(3ul, 10, 1)], Top(SpendingWindow.Today));
        Assert.Equal([(3ul, 10, 1)], Top(SpendingWindow.ThisWeek));
        Assert.Equal([(2ul, 60, 2), (3ul, 10, 1)], Top(SpendingWindow.ThisMonth));
        Assert.Equal([(1ul, 100, 1), (2ul, 60, 2), (3ul, 10, 1)], Top(SpendingWindow.AllTime));
        Assert.Single(harness.Moderation.GetTopSpenders(LedgerHarness.Guild, SpendingWindow.AllTime, limit: 1));

        List<(ulong, int, int)> Top(SpendingWindow window) =>
            harness.Moderation.GetTopSpenders(LedgerHarness.Guild, window).Select(s => (s.UserId, s.Spent, s.Images)).ToList();
    }

    [Fact]
    public void Settings_show_everything_at_a_glance()
    {
        using var harness = new LedgerHarness(new CreditOptions
        {
            TimeZone = "Europe/Berlin",
            CostPerGeneration = 4,
            CostPerSize = new(StringComparer.OrdinalIgnoreCase) { ["3K"] = 6 },
            DirectMessageAllowance = 8,
        });
        var moderation = harness.Moderation;
        moderation.SetAllowance(LedgerHarness.Guild, Mod, 30, RefillPeriod.Monthly);
        moderation.SetAllowance(LedgerHarness.Guild, Mod, 90, target: AllowanceTarget.Role(7));
        moderation.SetAllowance(LedgerHarness.Guild, Mod, 5, target: AllowanceTarget.User(1));
        moderation.SetAllowance(LedgerHarness.Guild, Mod, 6, target: AllowanceTarget.User(2));
        moderation.Block(Mod, LedgerHarness.Member(3), "spam");
        harness.Guilds.AddBannedTerm(LedgerHarness.Guild, "gore");

        var settings = moderation.SetLogChannel(LedgerHarness.Guild, Mod, 1234);

        Assert.Equal(LedgerHarness.Guild, settings.GuildId);
        Assert.Equal((30, AllowanceSource.GuildDefault), (settings.DefaultAllowance, settings.DefaultAllowanceSource));
        Assert.Equal((RefillPeriod.Monthly, true), (settings.Period, settings.PeriodIsGuildOverride));
        Assert.Equal("Europe/Berlin", settings.TimeZone);
        Assert.Equal(90, settings.RoleAllowances[7]);
        Assert.Equal((2, 1), (settings.UserOverrideCount, settings.BlockedCount));
        Assert.Equal(4, settings.CostPerGeneration);
        Assert.Equal((4, 6), (settings.CostPerSize[ImageSize.TwoK], settings.CostPerSize[ImageSize.ThreeK]));
        Assert.Equal(1234ul, settings.LogChannelId);
        Assert.Equal((8, 10_000, 1), (settings.DirectMessageAllowance, settings.MaxAdjustment, settings.BannedTermCount));
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), settings.NextRefill);

        Assert.Null(moderation.SetLogChannel(LedgerHarness.Guild, Mod, null).LogChannelId);
        var empty = moderation.GetSettings(888);
        Assert.Equal((40, AllowanceSource.Configuration, RefillPeriod.Daily, false), (empty.DefaultAllowance, empty.DefaultAllowanceSource, empty.Period, empty.PeriodIsGuildOverride));
    }
}
