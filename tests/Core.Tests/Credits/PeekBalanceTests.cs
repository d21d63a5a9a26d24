using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>
/// PeekBalance must report what GetBalance would, in every case that changes a balance on read, while writing nothing
/// (GetBalance, run right after it, is the check and does the writing).
/// </summary>
public sealed class PeekBalanceTests : IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(15);

    private readonly LedgerHarness _harness = new(new CreditOptions { DirectMessageAllowance = 8 });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_first_time_member_gets_the_first_allowance_without_an_account_being_created()
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.GetBalance(LedgerHarness.Member(2));

        var peeked = PeekWritesNothing(member);

        Assert.Equal((40, 40, AllowanceSource.Configuration), (peeked.Available, peeked.Allowance, peeked.AllowanceSource));
        Assert.Empty(_harness.Entries(member.Scope));
        AssertSameAsGetBalance(member, peeked);

        // GetBalance is the one that writes: the account and its first-allowance entry.
        Assert.Equal([CreditEntryKind.Refill], _harness.Entries(member.Scope).Select(e => e.Kind));
    }

    [Fact]
    public void A_refill_that_is_due_shows_without_being_recorded()
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(member, "a", 12);
        _harness.Ledger.Settle("a");
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var refillsBefore = Refills(member);

        var peeked = PeekWritesNothing(member);

        Assert.Equal((40, 0), (peeked.Available, peeked.SpentThisPeriod));
        Assert.Equal(refillsBefore, Refills(member));
        AssertSameAsGetBalance(member, peeked);
        Assert.Equal(refillsBefore + 1, Refills(member));
    }

    [Fact]
    public void Open_holds_and_bonus_credits_show_as_they_are()
    {
        var member = LedgerHarness.Member(1);
        _harness.Moderation.Grant(LedgerHarness.Moderator, member, 7);
        _harness.Ledger.TryHold(member, "open", 4);
        _harness.Ledger.TryHold(member, "settled", 4);
        _harness.Ledger.Settle("settled");

        var peeked = PeekWritesNothing(member);

        Assert.Equal((32, 7, 4, 4, 1), (peeked.AllowanceRemaining, peeked.Bonus, peeked.Held, peeked.SpentThisPeriod, peeked.ImagesMade));
        AssertSameAsGetBalance(member, peeked);
    }

    [Fact]
    public void A_block_shows_with_its_reason()
    {
        var member = LedgerHarness.Member(1);
        _harness.Moderation.Block(LedgerHarness.Moderator, member, "spam");

        var peeked = PeekWritesNothing(member);

        Assert.Equal((true, "spam"), (peeked.Blocked, peeked.BlockReason));
        AssertSameAsGetBalance(member, peeked);
    }

    [Fact]
    public void Role_allowances_are_resolved_from_the_roles_passed_in_as_they_change()
    {
        const ulong Artists = 77;
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 60, target: AllowanceTarget.Role(Artists));
        _harness.Moderation.SetRefillPeriod(LedgerHarness.Guild, LedgerHarness.Moderator, RefillPeriod.Weekly);

        // New with the role, then the role lost, then regained: each time an allowance change GetBalance records.
        var newcomer = PeekWritesNothing(LedgerHarness.Member(1, Artists));
        Assert.Equal((60, AllowanceSource.Role, (ulong?)Artists, RefillPeriod.Weekly),
            (newcomer.Allowance, newcomer.AllowanceSource, newcomer.AllowanceRoleId, newcomer.Period));
        AssertSameAsGetBalance(LedgerHarness.Member(1, Artists), newcomer);

        var withoutRole = PeekWritesNothing(LedgerHarness.Member(1));
        Assert.Equal((40, AllowanceSource.Configuration), (withoutRole.Allowance, withoutRole.AllowanceSource));
        AssertSameAsGetBalance(LedgerHarness.Member(1), withoutRole);

        var regained = PeekWritesNothing(LedgerHarness.Member(1, Artists));
        Assert.Equal(60, regained.Allowance);
        AssertSameAsGetBalance(LedgerHarness.Member(1, Artists), regained);
    }

    [Fact]
    public void Own_allowances_and_the_server_default_take_their_places_in_the_precedence()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 25);
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 90, target: AllowanceTarget.User(2));

        var guildDefault = PeekWritesNothing(LedgerHarness.Member(1));
        var own = PeekWritesNothing(LedgerHarness.Member(2));

        Assert.Equal((25, AllowanceSource.GuildDefault), (guildDefault.Allowance, guildDefault.AllowanceSource));
        Assert.Equal((90, AllowanceSource.UserOverride), (own.Allowance, own.AllowanceSource));
        AssertSameAsGetBalance(LedgerHarness.Member(1), guildDefault);
        AssertSameAsGetBalance(LedgerHarness.Member(2), own);
    }

    [Fact]
    public void Direct_messages_use_their_own_allowance_and_write_nothing_when_they_are_off()
    {
        var member = CreditMember.DirectMessage(5);

        var peeked = PeekWritesNothing(member);

        Assert.Equal((8, AllowanceSource.DirectMessages), (peeked.Available, peeked.AllowanceSource));
        AssertSameAsGetBalance(member, peeked);

        using var off = new LedgerHarness(new CreditOptions { DirectMessageAllowance = 0 });
        var disabled = off.Ledger.PeekBalance(member);
        Assert.Equal(0, disabled.Available);
        Assert.Equal(off.Ledger.GetBalance(member), disabled);
        Assert.Equal(0, off.EntryCount());
    }

    [Fact]
    public async Task It_does_not_wait_behind_a_write_that_is_running()
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(member, "a", 4);
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // A write group held open with an uncommitted change to another member's account.
        var writer = Task.Factory.StartNew(() => _harness.Database.Write(_ =>
        {
            _harness.Ledger.TryHold(LedgerHarness.Member(2), "b", 4);
            running.Set();
            Assert.True(release.Wait(SafetyTimeout), "never released");
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(running.Wait(SafetyTimeout));

        try
        {
            var peeked = await Task.Run(() => _harness.Ledger.PeekBalance(member)).WaitAsync(SafetyTimeout);

            Assert.False(writer.IsCompleted);
            Assert.Equal((36, 4), (peeked.Available, peeked.Held));
        }
        finally
        {
            release.Set();
            await writer.WaitAsync(SafetyTimeout);
        }

        Assert.Equal(4, _harness.Ledger.PeekBalance(LedgerHarness.Member(2)).Held);
    }

    /// <summary>Peeks and checks that nothing was written: no commit, no entry, no account, neither file grew.</summary>
    private CreditBalance PeekWritesNothing(CreditMember member)
    {
        var before = Footprint();

        var peeked = _harness.Ledger.PeekBalance(member);

        Assert.Equal(before, Footprint());
        return peeked;
    }

    private void AssertSameAsGetBalance(CreditMember member, CreditBalance peeked) =>
        Assert.Equal(_harness.Ledger.GetBalance(member), peeked);

    private (long Commits, int Entries, int Accounts, long Data, long Log) Footprint() => (
        _harness.Database.CommitCount,
        _harness.EntryCount(),
        _harness.Database.Read(db => CreditCollections.AccountsIn(db).Count()),
        new FileInfo(_harness.Path).Length,
        new FileInfo(LiteDbFileRepair.LogPathOf(_harness.Path)).Length);

    private int Refills(CreditMember member) =>
        _harness.Entries(member.Scope).Count(e => e.Kind == CreditEntryKind.Refill);
}
