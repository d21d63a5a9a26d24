using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;

namespace SeedreamBot.Core.Tests.Servers;

/// <summary>The operators' records: one admission request per server, decisions, budgets and the alert channel.</summary>
public sealed class ServerStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private SeedreamDatabase _database;
    private ServerStore _store;

    public ServerStoreTests()
    {
        _database = new SeedreamDatabase(_folder.File("bot.db"));
        _store = new ServerStore(_database, _time);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Only_the_first_member_of_a_server_creates_its_request()
    {
        var first = _store.RequestAdmission(10, "Cat pictures", 100);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = _store.RequestAdmission(10, "Cat pictures 2", 101);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(ServerState.Pending, second.Record.State);
        Assert.Equal(100UL, second.Record.RequestedBy);
        Assert.Equal(first.Record.RequestedAt, second.Record.RequestedAt);
        Assert.Equal("Cat pictures 2", _store.Get(10)!.Name);
    }

    [Fact]
    public void Concurrent_first_tries_create_exactly_one_request()
    {
        var results = new AdmissionRequest[8];
        Parallel.For(0, results.Length, i => results[i] = _store.RequestAdmission(11, "Busy", (ulong)i + 1));

        Assert.Single(results, result => result.IsNew);
    }

    [Fact]
    public void Approving_declining_and_budgets_are_recorded_with_who_and_when()
    {
        _store.RequestAdmission(10, "Cat pictures", 100);
        _time.Advance(TimeSpan.FromHours(1));

        var approved = _store.Approve(10, 7, budget: 500);
        var again = _store.Approve(10, 8);
        var budget = _store.SetBudget(10, 8, 750);
        var declined = _store.Decline(10, 9);

        Assert.True(approved.Changed);
        Assert.Equal(ServerState.Pending, approved.Before!.State);
        Assert.Equal((ServerState.Approved, 7UL, 500), (approved.After.State, approved.After.DecidedBy!.Value, approved.After.BudgetOverride!.Value));
        Assert.Equal(_time.GetUtcNow(), approved.After.DecidedAt);
        Assert.False(again.Changed);
        Assert.Equal(750, budget.After.BudgetOverride);
        Assert.Equal(7UL, budget.After.DecidedBy);
        Assert.Equal((ServerState.Declined, 9UL, 750), (declined.After.State, declined.After.DecidedBy!.Value, declined.After.BudgetOverride!.Value));
    }

    [Fact]
    public void A_budget_for_a_server_without_a_record_admits_it_without_calling_that_a_decision()
    {
        var result = _store.SetBudget(12, 7, 100);

        Assert.Null(result.Before);
        Assert.Equal(ServerState.Approved, result.After.State);
        Assert.False(result.After.IsDecided);
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.SetBudget(12, 7, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.Approve(12, 7, OperatorOptions.MaxBudget + 1));
    }

    [Fact]
    public void Records_and_the_alert_channel_survive_a_restart_and_pending_servers_are_listed_first()
    {
        _store.Approve(20, 7);
        _time.Advance(TimeSpan.FromSeconds(1));
        _store.RequestAdmission(21, "Waiting", 100);
        _time.Advance(TimeSpan.FromSeconds(1));
        _store.Decline(22, 7);
        _store.SetAlertChannel(555, 7, "de");

        _database.Dispose();
        _database = new SeedreamDatabase(_folder.File("bot.db"));
        _store = new ServerStore(_database, _time);

        Assert.Equal([21UL, 22UL, 20UL], _store.All().Select(record => record.GuildId));
        Assert.Equal(555UL, _store.GetOperatorSettings().AlertChannelId);
        Assert.Equal((7UL, "de"), (_store.GetOperatorSettings().UpdatedBy!.Value, _store.GetOperatorSettings().Locale));
        Assert.Null(_store.SetAlertChannel(null, 8).AlertChannelId);
        Assert.Null(_store.GetOperatorSettings().AlertChannelId);
    }

    [Fact]
    public void A_version_1_database_is_migrated_and_its_open_holds_close_on_the_members_side_only()
    {
        var path = _folder.File("v1.db");
        var options = Microsoft.Extensions.Options.Options.Create(new CreditOptions { DefaultAllowance = 40 });
        var member = new CreditMember(new CreditScope(30, 1), []);
        using (var v1 = new SeedreamDatabase(Path.GetFullPath(path), NullLogger.Instance, [SchemaMigrations.All[0]]))
        {
            Assert.Equal(1, v1.SchemaVersion);
            new CreditLedger(v1, options, _time, NullLogger<CreditLedger>.Instance).TryHold(member, "old-hold", 4);

            // What schema 1 wrote: no pools, no pool share on the hold.
            v1.Write(db =>
            {
                db.GetCollection(CreditCollections.ServerPools).DeleteAll();
                var hold = db.GetCollection(CreditCollections.Holds).FindById("old-hold");
                hold.Remove("sp");
                db.GetCollection(CreditCollections.Holds).Update(hold);
            });
        }

        using var upgraded = new SeedreamDatabase(path);
        Assert.Equal(SchemaMigrations.Latest, upgraded.SchemaVersion);
        Assert.True(upgraded.Read(db => db.CollectionExists(ServerStore.Collection)));
        var ledger = new CreditLedger(upgraded, options, _time, NullLogger<CreditLedger>.Instance);

        Assert.NotNull(ledger.Settle("old-hold"));
        Assert.Equal(0, ledger.PeekServerPool(30).Spent);
        Assert.Equal(36, ledger.GetBalance(member).Available);
        Assert.Empty(new CreditLedgerAudit(upgraded).FindProblems());
    }
}
