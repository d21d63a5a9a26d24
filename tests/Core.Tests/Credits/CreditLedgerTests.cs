using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class CreditLedgerTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private CreditLedger Ledger => _harness.Ledger;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_new_member_starts_with_the_configured_allowance_recorded_as_a_refill()
    {
        var member = LedgerHarness.Member(1);

        var balance = Ledger.GetBalance(member);

        Assert.Equal(40, balance.Allowance);
        Assert.Equal(40, balance.AllowanceRemaining);
        Assert.Equal(0, balance.Bonus);
        Assert.Equal(40, balance.Available);
        Assert.Equal(AllowanceSource.Configuration, balance.AllowanceSource);
        Assert.Equal(RefillPeriod.Daily, balance.Period);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 0, 0, 0, TimeSpan.Zero), balance.NextRefill);
        var entry = Assert.Single(_harness.Entries(member.Scope));
        Assert.Equal(CreditEntryKind.Refill, entry.Kind);
        Assert.Equal((0, 40, 40), (entry.BalanceBefore, entry.Delta, entry.BalanceAfter));
        Assert.Null(entry.ActorId);
    }

    [Fact]
    public void A_hold_is_excluded_from_the_balance_and_a_settle_turns_it_into_spending()
    {
        var member = LedgerHarness.Member(1);

        var hold = Ledger.TryHold(member, "gen-1", 4);
        Assert.Equal(HoldStatus.Placed, hold.Status);
        Assert.True(hold.Succeeded);
        Assert.Equal(4, hold.Cost);
        Assert.Equal(36, hold.Balance.Available);
        Assert.Equal(4, hold.Balance.Held);
        Assert.Equal(36, Ledger.GetBalance(member).Available);

        var settled = Ledger.Settle("gen-1");

        Assert.NotNull(settled);
        Assert.Equal(36, settled.Available);
        Assert.Equal(0, settled.Held);
        Assert.Equal(4, settled.SpentThisPeriod);
        Assert.Equal(1, settled.ImagesMade);
        var kinds = _harness.Entries(member.Scope).Select(e => (e.Kind, e.Delta, e.GenerationId)).ToList();
        Assert.Equal([(CreditEntryKind.Refill, 40, null), (CreditEntryKind.Hold, -4, "gen-1"), (CreditEntryKind.Settle, 0, "gen-1")], kinds);
        _harness.AssertConsistent();
    }

    [Fact]
    public void A_release_returns_the_hold_in_full()
    {
        var member = LedgerHarness.Member(1);
        Ledger.TryHold(member, "gen-1", 4);

        var released = Ledger.Release("gen-1", "Apiframe timed out");

        Assert.NotNull(released);
        Assert.Equal(40, released.Available);
        Assert.Equal(0, released.Held);
        Assert.Equal(0, released.ImagesMade);
        var release = _harness.Entries(member.Scope)[^1];
        Assert.Equal(CreditEntryKind.Release, release.Kind);
        Assert.Equal((36, 4, 40), (release.BalanceBefore, release.Delta, release.BalanceAfter));
        Assert.Equal("Apiframe timed out", release.Reason);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Settle_and_release_are_idempotent_and_null_without_an_open_hold()
    {
        var member = LedgerHarness.Member(1);
        Ledger.TryHold(member, "gen-1", 4);
        Assert.NotNull(Ledger.Settle("gen-1"));
        var entries = _harness.EntryCount();

        Assert.Null(Ledger.Settle("gen-1"));
        Assert.Null(Ledger.Release("gen-1", "late failure"));
        Assert.Null(Ledger.Settle("never-held"));
        Assert.Null(Ledger.Release("never-held", "nothing"));

        Assert.Equal(entries, _harness.EntryCount());
        Assert.Equal(36, Ledger.GetBalance(member).Available);
    }

    [Fact]
    public void Holding_again_for_the_same_generation_changes_nothing()
    {
        var member = LedgerHarness.Member(1);
        Assert.Equal(HoldStatus.Placed, Ledger.TryHold(member, "gen-1", 4).Status);

        var again = Ledger.TryHold(member, "gen-1", 4);

        Assert.Equal(HoldStatus.AlreadyHeld, again.Status);
        Assert.True(again.Succeeded);
        Assert.Equal(36, again.Balance.Available);
        Ledger.Settle("gen-1");
        Assert.Equal(HoldStatus.AlreadyHeld, Ledger.TryHold(member, "gen-1", 4).Status);
        Assert.Equal(36, Ledger.GetBalance(member).Available);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Spending_takes_the_allowance_first_then_the_bonus()
    {
        var member = LedgerHarness.Member(1);
        _harness.Moderation.Grant(LedgerHarness.Moderator, member, 10);
        _harness.Moderation.Take(LedgerHarness.Moderator, member, 16);
        _harness.Moderation.Grant(LedgerHarness.Moderator, member, 6);
        var start = Ledger.GetBalance(member);
        Assert.Equal((34, 6), (start.AllowanceRemaining, start.Bonus));

        Ledger.TryHold(member, "a", 30);
        var split = Ledger.TryHold(member, "b", 8);

        Assert.Equal(HoldStatus.Placed, split.Status);
        Assert.Equal((0, 2), (split.Balance.AllowanceRemaining, split.Balance.Bonus));
        var hold = Assert.Single(Ledger.GetOpenHolds(), h => h.GenerationId == "b");
        Assert.Equal((8, 4, 4), (hold.Amount, hold.FromAllowance, hold.FromBonus));

        var released = Ledger.Release("b", "failed");
        Assert.Equal((4, 6), (released!.AllowanceRemaining, released.Bonus));
        _harness.AssertConsistent();
    }

    [Fact]
    public void A_member_who_cannot_afford_the_cost_is_refused_without_a_trace()
    {
        var member = LedgerHarness.Member(1);
        Ledger.TryHold(member, "a", 38);
        var entries = _harness.EntryCount();

        var refused = Ledger.TryHold(member, "b", 4);

        Assert.Equal(HoldStatus.InsufficientCredits, refused.Status);
        Assert.False(refused.Succeeded);
        Assert.Equal(2, refused.Balance.Available);
        Assert.Equal(entries, _harness.EntryCount());
        Assert.DoesNotContain(Ledger.GetOpenHolds(), h => h.GenerationId == "b");
    }

    [Fact]
    public void A_blocked_member_cannot_place_holds_but_running_ones_finish()
    {
        var member = LedgerHarness.Member(1);
        Ledger.TryHold(member, "running", 4);
        _harness.Moderation.Block(LedgerHarness.Moderator, member, "spamming");

        var refused = Ledger.TryHold(member, "new", 4);

        Assert.Equal(HoldStatus.Blocked, refused.Status);
        Assert.True(refused.Balance.Blocked);
        Assert.Equal("spamming", refused.Balance.BlockReason);
        Assert.NotNull(Ledger.Settle("running"));
        _harness.Moderation.Unblock(LedgerHarness.Moderator, member);
        Assert.Equal(HoldStatus.Placed, Ledger.TryHold(member, "new", 4).Status);
    }

    [Fact]
    public void Direct_messages_are_disabled_by_default_and_leave_no_trace()
    {
        var user = CreditMember.DirectMessage(1);

        var balance = Ledger.GetBalance(user);
        var refused = Ledger.TryHold(user, "dm-1", 4);

        Assert.Equal(0, balance.Available);
        Assert.Equal(AllowanceSource.DirectMessages, balance.AllowanceSource);
        Assert.Equal(HoldStatus.DirectMessagesDisabled, refused.Status);
        Assert.Equal(0, _harness.EntryCount());
    }

    [Fact]
    public void Direct_messages_are_a_separate_scope_with_their_own_allowance()
    {
        using var harness = new LedgerHarness(
            new CreditOptions { DirectMessageAllowance = 8 }, operatorOptions: new Core.Servers.OperatorOptions { DirectMessageBudget = 100 });
        var dm = CreditMember.DirectMessage(1);
        var inGuild = LedgerHarness.Member(1);

        Assert.Equal(HoldStatus.Placed, harness.Ledger.TryHold(dm, "dm-1", 4).Status);
        Assert.Equal(HoldStatus.Placed, harness.Ledger.TryHold(dm, "dm-2", 4).Status);
        Assert.Equal(HoldStatus.InsufficientCredits, harness.Ledger.TryHold(dm, "dm-3", 4).Status);

        Assert.Equal(40, harness.Ledger.GetBalance(inGuild).Available);
        Assert.Equal(8, harness.Ledger.GetBalance(dm).Allowance);
        harness.AssertConsistent();
    }

    [Fact]
    public void Open_holds_survive_a_restart_for_reconciliation()
    {
        var member = LedgerHarness.Member(1);
        Ledger.TryHold(member, "in-flight-1", 4);
        Ledger.TryHold(member, "in-flight-2", 4);
        Ledger.TryHold(member, "done", 4);
        Ledger.Settle("done");

        _harness.Restart();

        var open = _harness.Ledger.GetOpenHolds();
        Assert.Equal(["in-flight-1", "in-flight-2"], open.Select(h => h.GenerationId));
        Assert.All(open, h => Assert.Equal(member.Scope, h.Scope));
        Assert.Equal(_harness.Time.GetUtcNow(), open[0].PlacedAt);
        Assert.NotNull(_harness.Ledger.Release("in-flight-1", "lost in restart"));
        Assert.NotNull(_harness.Ledger.Settle("in-flight-2"));
        Assert.Empty(_harness.Ledger.GetOpenHolds());
        Assert.Equal(32, _harness.Ledger.GetBalance(member).Available);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Arguments_that_are_programming_errors_throw()
    {
        var member = LedgerHarness.Member(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Ledger.TryHold(member, "x", 0));
        Assert.Throws<ArgumentException>(() => Ledger.TryHold(member, " ", 4));
        Assert.Throws<ArgumentException>(() => Ledger.TryHold(member, new string('x', 201), 4));
        Assert.Throws<ArgumentException>(() => Ledger.Settle(""));
    }

    [Fact]
    public void Every_entry_kind_is_recorded_with_its_actor_and_reason()
    {
        var member = LedgerHarness.Member(1, 77);
        var moderation = _harness.Moderation;
        Ledger.GetBalance(member);                                                           // refill (first allowance)
        Ledger.TryHold(member, "g1", 4);                                                     // hold
        Ledger.Settle("g1");                                                                 // settle
        Ledger.TryHold(member, "g2", 4);
        Ledger.Release("g2", "cancelled");                                                   // release
        moderation.Grant(LedgerHarness.Moderator, member, 5, "contest winner");              // grant
        moderation.Take(LedgerHarness.Moderator, member, 2, "typo");                         // take
        moderation.Set(LedgerHarness.Moderator, member, 30, "reset by hand");                // set
        moderation.Reset(LedgerHarness.Moderator, member, "fresh start");                    // reset
        moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 60, target: AllowanceTarget.Role(77));
        Ledger.GetBalance(member);                                                           // allowance change
        moderation.Block(LedgerHarness.Moderator, member, "abuse");                          // block
        moderation.Unblock(LedgerHarness.Moderator, member, "appealed");                     // unblock
        Ledger.TryHold(member, "g3", 4);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        Ledger.GetBalance(member);                                                           // refill

        var entries = _harness.Entries(member.Scope);

        Assert.Equal(Enum.GetValues<CreditEntryKind>().Order(), entries.Select(e => e.Kind).Distinct().Order());
        Assert.Equal("contest winner", entries.Single(e => e.Kind == CreditEntryKind.Grant).Reason);
        Assert.Equal(LedgerHarness.Moderator, entries.Single(e => e.Kind == CreditEntryKind.Take).ActorId);
        Assert.Equal(member.Scope.UserId, entries.First(e => e.Kind == CreditEntryKind.Hold).ActorId);
        Assert.Null(entries.Single(e => e.Kind == CreditEntryKind.Settle).ActorId);
        var change = entries.Single(e => e.Kind == CreditEntryKind.AllowanceChange);
        Assert.Equal((60, 20), (change.Amount, change.Delta));
        Assert.Contains("role 77", change.Reason, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal(e.BalanceBefore + e.Delta, e.BalanceAfter));
        Assert.Equal(entries.Sum(e => e.Delta), _harness.Ledger.GetBalance(member).Available);
        _harness.AssertConsistent();
    }
}
