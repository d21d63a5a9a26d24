using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bench.Micro.Credits;

/// <summary>A credit ledger on a fresh LiteDB file in a temp folder, with 128 members who never run dry.</summary>
internal sealed class LedgerFixture : IDisposable
{
    private const int Members = 128;

    private readonly string _folder;
    private readonly SeedreamDatabase _database;
    private readonly CreditLedger _ledger;
    private readonly CreditMember[] _members;
    private long _next;

    public LedgerFixture()
    {
        _folder = Path.Combine(Path.GetTempPath(), "seedreambot-bench-ledger-" + Guid.NewGuid().ToString("N"));
        _database = new SeedreamDatabase(Path.Combine(_folder, "ledger.db"));

        // Enough credits that no member runs dry however many pairs the benchmark runs.
        var options = Options.Create(new CreditOptions { DefaultAllowance = 1_000_000, CostPerGeneration = 1 });
        _ledger = new CreditLedger(_database, options, TimeProvider.System, NullLogger<CreditLedger>.Instance);
        _members = Enumerable.Range(0, Members)
            .Select(i => new CreditMember(new CreditScope(1100000000000000100, 1200000000000000000 + (ulong)i), []))
            .ToArray();
        foreach (var member in _members)
        {
            _ledger.GetBalance(member);
        }
    }

    /// <summary>Pairs started so far.</summary>
    public long Pairs => Interlocked.Read(ref _next);

    /// <summary>One durable hold of one credit for a new generation id, then its settle; returns the balance after.</summary>
    public CreditBalance? HoldAndSettle()
    {
        var n = Interlocked.Increment(ref _next);
        var id = "bench-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hold = _ledger.TryHold(_members[n % Members], id, 1);
        return hold.Status == HoldStatus.Placed
            ? _ledger.Settle(id)
            : throw new InvalidOperationException($"The hold was refused ({hold.Status}); the benchmark would measure the wrong path.");
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder eventually.
        }
    }
}
