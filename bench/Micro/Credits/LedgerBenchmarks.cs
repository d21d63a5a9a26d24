using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bench.Micro.Credits;

/// <summary>
/// Durable hold + settle pairs on a real LiteDB file (every call is one fsynced transaction): one caller at a time,
/// and many at once, as a busy bot has them, where commits that arrive together share one fsync.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    /// <summary>Callers at once in the concurrent benchmark.</summary>
    public const int Workers = 16;

    /// <summary>Pairs per caller per invocation in the concurrent benchmark.</summary>
    public const int PairsPerWorker = 8;

    private const int Members = 1000;

    private string _folder = null!;
    private SeedreamDatabase _database = null!;
    private CreditLedger _ledger = null!;
    private CreditMember[] _members = null!;
    private long _next;
    private Barrier _round = null!;
    private Thread[] _workers = [];
    private volatile bool _stopping;

    [GlobalSetup]
    public void Setup()
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

        // Long-lived callers: creating threads inside the measured call would be measured too.
        _round = new Barrier(Workers + 1);
        _workers = Enumerable.Range(0, Workers).Select(_ => new Thread(Work) { IsBackground = true }).ToArray();
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _round.SignalAndWait();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _round.Dispose();
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

    [Benchmark(Description = "hold+settle, one caller")]
    public CreditBalance? HoldAndSettle() => Pair();

    [Benchmark(Description = "hold+settle, 16 callers at once", OperationsPerInvoke = Workers * PairsPerWorker)]
    public void HoldAndSettleConcurrently()
    {
        _round.SignalAndWait(); // go
        _round.SignalAndWait(); // every caller is done
    }

    private void Work()
    {
        while (true)
        {
            _round.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            for (var i = 0; i < PairsPerWorker; i++)
            {
                Pair();
            }

            _round.SignalAndWait();
        }
    }

    private CreditBalance? Pair()
    {
        var n = Interlocked.Increment(ref _next);
        var id = "bench-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hold = _ledger.TryHold(_members[n % Members], id, 1);
        return hold.Status == HoldStatus.Placed
            ? _ledger.Settle(id)
            : throw new InvalidOperationException($"The hold was refused ({hold.Status}); the benchmark would measure the wrong path.");
    }
}
