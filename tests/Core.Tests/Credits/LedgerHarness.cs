using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>A ledger on a real database file with a fake clock, plus helpers to look inside.</summary>
internal sealed class LedgerHarness : IDisposable
{
    public const ulong Guild = 500;

    public const ulong Moderator = 9;

    private readonly TempFolder _folder = new();

    public LedgerHarness(CreditOptions? options = null, DateTimeOffset? start = null, OperatorOptions? operatorOptions = null)
    {
        Options = options ?? new CreditOptions();
        OperatorOptions = operatorOptions ?? new OperatorOptions();
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        Path = _folder.File("ledger.db");
        Database = new SeedreamDatabase(Path);
        (Ledger, Moderation, Guilds, Audit, Servers) = Create(Database);
    }

    public CreditOptions Options { get; }

    /// <summary>Server budgets: default, period and the direct-message pool.</summary>
    public OperatorOptions OperatorOptions { get; }

    public FakeTimeProvider Time { get; }

    public string Path { get; }

    public SeedreamDatabase Database { get; private set; }

    public CreditLedger Ledger { get; private set; }

    public CreditModeration Moderation { get; private set; }

    public GuildSettingsStore Guilds { get; private set; }

    public CreditLedgerAudit Audit { get; private set; }

    public ServerStore Servers { get; private set; }

    public static CreditMember Member(ulong user, params ulong[] roles) => new(new CreditScope(Guild, user), roles);

    /// <summary>Closes and reopens the database, as a restart would.</summary>
    public void Restart()
    {
        Database.Dispose();
        Database = new SeedreamDatabase(Path);
        (Ledger, Moderation, Guilds, Audit, Servers) = Create(Database);
    }

    /// <summary>A member's entries, oldest first.</summary>
    public List<CreditEntry> Entries(CreditScope scope) =>
        Database.Read(db => CreditCollections.EntriesIn(db)
            .Find(LiteDB.Query.EQ("s", CreditAccount.KeyOf(scope)))
            .Select(CreditEntryDocuments.FromDocument)
            .OrderBy(e => e.Id)
            .ToList());

    public int EntryCount() => Database.Read(db => CreditCollections.EntriesIn(db).Count());

    /// <summary>Fails with every broken invariant the audit finds.</summary>
    public void AssertConsistent()
    {
        var problems = Audit.FindProblems();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }

    private (CreditLedger, CreditModeration, GuildSettingsStore, CreditLedgerAudit, ServerStore) Create(SeedreamDatabase database)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var budgets = Microsoft.Extensions.Options.Options.Create(OperatorOptions);
        return (
            new CreditLedger(database, options, Time, NullLogger<CreditLedger>.Instance, budgets),
            new CreditModeration(database, options, Time, NullLogger<CreditModeration>.Instance, budgets),
            new GuildSettingsStore(database, Time),
            new CreditLedgerAudit(database),
            new ServerStore(database, Time));
    }
}
