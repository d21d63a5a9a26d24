using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>
/// Edges of the ledger that the mutation run found unguarded: exact length limits, what a refusal carries, listing
/// orders, the bookkeeping invariants, and what a moderator's export and arguments must do.
/// </summary>
public sealed class LedgerEdgeTests : IDisposable
{
    private readonly LedgerHarness _harness = new(
        new CreditOptions { DefaultAllowance = 10 },
        operatorOptions: new OperatorOptions { DefaultServerBudget = 100, DirectMessageBudget = 50 });

    private CreditLedger Ledger => _harness.Ledger;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_release_without_a_reason_says_released_and_a_long_reason_is_cut_to_the_limit()
    {
        Ledger.TryHold(LedgerHarness.Member(1), "g1", 4);
        Ledger.TryHold(LedgerHarness.Member(1), "g2", 4);

        Ledger.Release("g1", "   ");
        Ledger.Release("g2", new string('x', CreditPolicy.MaxReasonLength + 50));

        var reasons = _harness.Entries(LedgerHarness.Member(1).Scope).Where(e => e.Kind == CreditEntryKind.Release).Select(e => e.Reason).ToList();
        Assert.Equal("released", reasons[0]);
        Assert.Equal(new string('x', CreditPolicy.MaxReasonLength), reasons[1]);
    }

    [Fact]
    public void A_generation_id_may_be_exactly_two_hundred_characters_long()
    {
        Assert.Equal(HoldStatus.Placed, Ledger.TryHold(LedgerHarness.Member(1), new string('a', 200), 4).Status);
        Assert.Throws<ArgumentException>(() => Ledger.TryHold(LedgerHarness.Member(1), new string('a', 201), 4));
    }

    [Fact]
    public void A_member_short_of_credits_is_told_the_pool_too()
    {
        var refused = Ledger.TryHold(LedgerHarness.Member(1), "g1", 11);

        Assert.Equal(HoldStatus.InsufficientCredits, refused.Status);
        Assert.Equal(100, refused.Pool!.Available);
    }

    [Fact]
    public void Reading_a_balance_in_direct_messages_that_are_off_writes_nothing()
    {
        using var off = new LedgerHarness(new CreditOptions { DirectMessageAllowance = 0 });

        off.Ledger.GetBalance(CreditMember.DirectMessage(5));

        Assert.Equal(0, off.Database.Read(db => CreditCollections.AccountsIn(db).Count()));
    }

    [Fact]
    public void Server_pools_are_listed_busiest_first_then_by_id_and_open_holds_oldest_first()
    {
        Ledger.TryHold(new CreditMember(new CreditScope(30, 1), []), "late", 4);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Ledger.TryHold(new CreditMember(new CreditScope(20, 1), []), "settled", 6);
        Ledger.Settle("settled");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Ledger.TryHold(new CreditMember(new CreditScope(10, 1), []), "early-id-later-time", 4);

        // Guild 20: 6 spent; guilds 10 and 30: 4 held each, so the lower id first.
        Assert.Equal([20UL, 10UL, 30UL], Ledger.GetServerPools().Select(p => p.GuildId));
        Assert.Equal(["late", "early-id-later-time"], Ledger.GetOpenHolds().Select(h => h.GenerationId));
    }

    [Fact]
    public void Only_an_operator_s_own_budget_for_a_server_is_an_override()
    {
        _harness.Servers.SetBudget(10, 1, 7);

        Assert.Equal((7, true), Override(10));
        Assert.Equal((100, false), Override(20));
        Assert.Equal((50, false), Override(0));
    }

    [Fact]
    public void The_same_allowance_from_another_role_is_recorded_without_an_entry()
    {
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 25, target: AllowanceTarget.Role(71));
        _harness.Moderation.SetAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, 25, target: AllowanceTarget.Role(72));
        Ledger.GetBalance(LedgerHarness.Member(1, 71));
        var entries = _harness.EntryCount();

        var balance = Ledger.GetBalance(LedgerHarness.Member(1, 72));

        Assert.Equal((AllowanceSource.Role, 72UL, 25), (balance.AllowanceSource, balance.AllowanceRoleId!.Value, balance.Allowance));
        Assert.Equal(entries, _harness.EntryCount());
    }

    [Theory]
    [InlineData("used")]
    [InlineData("bonus")]
    [InlineData("held")]
    [InlineData("too much bonus")]
    public void An_impossible_account_is_refused_by_the_book_and_nothing_is_written(string broken)
    {
        var policy = new CreditPolicy(Microsoft.Extensions.Options.Options.Create(_harness.Options));

        Assert.Throws<InvalidOperationException>(() => _harness.Database.Write(db =>
        {
            var book = new CreditBook(db, policy, _harness.Time.GetUtcNow());
            var account = book.Open(LedgerHarness.Member(1).Scope, []);
            book.Record(account, CreditEntryKind.Take, null, 1, null, null, a =>
            {
                switch (broken)
                {
                    case "used": a.AllowanceUsed = -1; break;
                    case "bonus": a.Bonus = -1; break;
                    case "held": a.Held = -1; break;
                    default: a.Bonus = CreditPolicy.MaxBonus + 1; break;
                }
            });
            book.Save(account);
            return 0;
        }));
        Assert.Equal(0, _harness.EntryCount());
    }

    [Theory]
    [InlineData("held")]
    [InlineData("spent")]
    [InlineData("total")]
    public void An_impossible_server_pool_is_refused(string broken)
    {
        var pool = new ServerPool { GuildId = 1 };

        Assert.Throws<InvalidOperationException>(() => CreditBook.Change(pool, p =>
        {
            switch (broken)
            {
                case "held": p.Held = -1; break;
                case "spent": p.Spent = -1; break;
                default: p.TotalSpent = -1; break;
            }
        }));
    }

    [Fact]
    public async Task The_export_is_flushed_to_the_writer_it_was_given()
    {
        Ledger.TryHold(LedgerHarness.Member(1), "g1", 4);
        using var stream = new MemoryStream();
        var writer = new StreamWriter(stream, bufferSize: 64 * 1024); // far larger than the export: nothing reaches the stream unflushed

        var rows = await _harness.Moderation.ExportCsvAsync(LedgerHarness.Guild, writer);

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(2, rows); // the first allowance and the hold
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_export_s_columns_are_a_fixed_contract_and_a_cell_starting_with_a_separator_is_quoted()
    {
        // Moderators' spreadsheets and scripts read these names: renaming one is a breaking change.
        Assert.Equal(
            "entry_id,time_utc,kind,guild_id,user_id,actor_id,delta,balance_before,balance_after,amount,generation_id,reason\r\n",
            CreditCsv.Header);

        var row = CreditCsv.Row(new CreditEntry(
            7, CreditEntryKind.Grant, LedgerHarness.Member(1).Scope, 9, 5, 0, 5, 5, ",first a comma", _harness.Time.GetUtcNow(), null));

        Assert.EndsWith(",\",first a comma\"\r\n", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_that_make_no_sense_are_refused_with_argument_errors()
    {
        var moderation = _harness.Moderation;
        var options = Microsoft.Extensions.Options.Options.Create(_harness.Options);
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<CreditLedger>.Instance;

        Assert.Throws<ArgumentOutOfRangeException>(() => moderation.GetHistory(LedgerHarness.Guild, pageSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => moderation.GetHistory(LedgerHarness.Guild, pageSize: 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => moderation.GetTopSpenders(LedgerHarness.Guild, SpendingWindow.AllTime, limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => moderation.SetLogChannel(0, LedgerHarness.Moderator, 5));
        Assert.Throws<ArgumentNullException>(() => moderation.ClearAllowance(LedgerHarness.Guild, LedgerHarness.Moderator, null!));
        Assert.Throws<ArgumentNullException>(() => moderation.Grant(LedgerHarness.Moderator, null!, 5));
        await Assert.ThrowsAsync<ArgumentNullException>(() => moderation.ExportCsvAsync(LedgerHarness.Guild, null!));
        Assert.Throws<ArgumentNullException>(() => Ledger.GetBalance(null!));
        Assert.Throws<ArgumentNullException>(() => Ledger.PeekBalance(null!));
        Assert.Throws<ArgumentNullException>(() => Ledger.TryHold(null!, "g1", 4));
        Assert.Throws<ArgumentNullException>(() => new CreditLedger(null!, options, _harness.Time, logger));
        Assert.Throws<ArgumentNullException>(() => new CreditLedger(_harness.Database, options, null!, logger));
        Assert.Throws<ArgumentNullException>(() => new CreditLedger(_harness.Database, options, _harness.Time, null!));
        Assert.Equal(0, _harness.EntryCount());
    }

    private (int, bool) Override(ulong guildId)
    {
        var pool = Ledger.PeekServerPool(guildId);
        return (pool.Budget, pool.BudgetIsOverride);
    }
}
