using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class AllowanceResolutionTests : IDisposable
{
    private const ulong Artists = 10;

    private const ulong Patrons = 20;

    private readonly LedgerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Precedence_is_own_override_then_best_role_then_guild_default_then_configuration()
    {
        var moderation = _harness.Moderation;
        Assert.Equal((40, AllowanceSource.Configuration), Resolve(1));

        moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 25);
        Assert.Equal((25, AllowanceSource.GuildDefault), Resolve(2));

        moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 60, target: AllowanceTarget.Role(Artists));
        moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 100, target: AllowanceTarget.Role(Patrons));
        Assert.Equal((60, AllowanceSource.Role), Resolve(3, Artists));
        Assert.Equal((100, AllowanceSource.Role), Resolve(4, Artists, Patrons, 999));
        Assert.Equal((25, AllowanceSource.GuildDefault), Resolve(5, 999));

        moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 5, target: AllowanceTarget.User(6));
        Assert.Equal((5, AllowanceSource.UserOverride), Resolve(6, Patrons));
    }

    [Fact]
    public void A_role_allowance_of_zero_still_counts_when_it_is_the_only_role_with_one()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 0, target: AllowanceTarget.Role(Artists));

        Assert.Equal((0, AllowanceSource.Role), Resolve(1, Artists));
    }

    [Fact]
    public void The_balance_names_the_role_that_gives_the_allowance()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 60, target: AllowanceTarget.Role(Artists));

        var balance = _harness.Ledger.GetBalance(LedgerHarness.Member(1, Artists));

        Assert.Equal(Artists, balance.AllowanceRoleId);
    }

    [Fact]
    public void Gaining_a_role_mid_period_adds_the_difference_at_once_and_records_it()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 100, target: AllowanceTarget.Role(Patrons));
        var member = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(member, "a", 30);

        var promoted = _harness.Ledger.GetBalance(LedgerHarness.Member(1, Patrons));

        Assert.Equal((100, 70), (promoted.Allowance, promoted.AllowanceRemaining));
        var change = _harness.Entries(member.Scope)[^1];
        Assert.Equal((CreditEntryKind.AllowanceChange, 10, 60, 70), (change.Kind, change.BalanceBefore, change.Delta, change.BalanceAfter));
        _harness.AssertConsistent();
    }

    [Fact]
    public void Toggling_a_role_cannot_mint_credits()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 100, target: AllowanceTarget.Role(Patrons));
        var plain = LedgerHarness.Member(1);
        var patron = LedgerHarness.Member(1, Patrons);

        _harness.Ledger.TryHold(patron, "spend-all", 100);
        _harness.Ledger.Settle("spend-all");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, _harness.Ledger.GetBalance(plain).Available);
            Assert.Equal(0, _harness.Ledger.GetBalance(patron).Available);
        }

        Assert.Equal(HoldStatus.InsufficientCredits, _harness.Ledger.TryHold(patron, "more", 4).Status);
        _harness.AssertConsistent();
    }

    [Fact]
    public void Settles_and_releases_without_roles_keep_the_role_based_allowance()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 100, target: AllowanceTarget.Role(Patrons));
        var patron = LedgerHarness.Member(1, Patrons);
        _harness.Ledger.TryHold(patron, "a", 4);
        _harness.Ledger.TryHold(patron, "b", 4);

        var afterSettle = _harness.Ledger.Settle("a");
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var afterRelease = _harness.Ledger.Release("b", "failed");

        Assert.Equal(100, afterSettle!.Allowance);
        Assert.Equal((100, 100), (afterRelease!.Allowance, afterRelease.Available));
        Assert.DoesNotContain(_harness.Entries(patron.Scope), e => e.Kind == CreditEntryKind.AllowanceChange);
    }

    [Fact]
    public void A_users_own_allowance_applies_at_once_and_clearing_it_falls_back()
    {
        var moderation = _harness.Moderation;
        var member = LedgerHarness.Member(1);
        _harness.Ledger.GetBalance(member);

        var set = moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 10, target: AllowanceTarget.User(1), reason: "new account");
        Assert.True(set.Succeeded);
        Assert.Equal((null, 10), (set.PreviousAllowance, set.Allowance));
        Assert.Equal((40, 10), (set.Before!.Available, set.After!.Available));
        var change = _harness.Entries(member.Scope)[^1];
        Assert.Equal((CreditEntryKind.AllowanceChange, LedgerHarness.Moderator, -30), (change.Kind, change.ActorId, change.Delta));
        Assert.EndsWith("new account", change.Reason, StringComparison.Ordinal);

        var cleared = moderation.ClearAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, AllowanceTarget.User(1, []));
        Assert.True(cleared.Succeeded);
        Assert.Equal((10, null), (cleared.PreviousAllowance, cleared.Allowance));
        Assert.Equal(40, cleared.After!.Allowance);
        Assert.Equal(AllowanceSource.Configuration, cleared.After.AllowanceSource);
        _harness.AssertConsistent();
    }

    private (int, AllowanceSource) Resolve(ulong user, params ulong[] roles)
    {
        var balance = _harness.Ledger.GetBalance(LedgerHarness.Member(user, roles));
        return (balance.Allowance, balance.AllowanceSource);
    }
}
