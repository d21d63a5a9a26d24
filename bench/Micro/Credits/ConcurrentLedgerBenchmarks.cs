using BenchmarkDotNet.Attributes;

namespace SeedreamBot.Bench.Micro.Credits;

/// <summary>
/// Durable hold + settle pairs from many callers at once, as a busy bot makes them: commits that arrive together
/// share one fsync. If throughput grows with the callers, fsync latency is the limit; if it does not, the
/// transactions themselves (serialized, one at a time) are.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentLedgerBenchmarks
{
    /// <summary>Pairs per invocation, shared out among the callers.</summary>
    public const int PairsPerRound = 128;

    private LedgerFixture _ledger = null!;
    private int _pairsPerCaller;
    private Barrier _round = null!;
    private Thread[] _callers = [];
    private volatile bool _stopping;
    private Exception? _failure;

    [Params(16, 64)]
    public int Callers { get; set; } = 16;

    /// <summary>Pairs made so far (for the smoke test).</summary>
    internal long Pairs => _ledger.Pairs;

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new LedgerFixture();
        _pairsPerCaller = PairsPerRound / Callers;

        // Long-lived callers: creating threads inside the measured call would be measured too.
        _round = new Barrier(Callers + 1);
        _callers = Enumerable.Range(0, Callers).Select(_ => new Thread(Work) { IsBackground = true }).ToArray();
        foreach (var caller in _callers)
        {
            caller.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _round.SignalAndWait();
        foreach (var caller in _callers)
        {
            caller.Join();
        }

        _round.Dispose();
        _ledger.Dispose();
    }

    [Benchmark(Description = "hold+settle, many callers at once", OperationsPerInvoke = PairsPerRound)]
    public void HoldAndSettleConcurrently()
    {
        _round.SignalAndWait(); // go
        _round.SignalAndWait(); // every caller is done
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            throw new InvalidOperationException("A caller failed; the measurement is void.", failure);
        }
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

            try
            {
                for (var i = 0; i < _pairsPerCaller; i++)
                {
                    _ledger.HoldAndSettle();
                }
            }
            catch (Exception exception)
            {
                // Reported by the measured call; an exception escaping this thread would end the process.
                Interlocked.CompareExchange(ref _failure, exception, null);
            }

            _round.SignalAndWait();
        }
    }
}
