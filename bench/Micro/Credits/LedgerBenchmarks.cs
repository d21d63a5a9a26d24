using BenchmarkDotNet.Attributes;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bench.Micro.Credits;

/// <summary>
/// Durable hold + settle pairs on a real LiteDB file, one caller at a time: every call is one transaction, written
/// and fsynced before it returns, so a pair waits for two fsyncs.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private LedgerFixture _ledger = null!;

    [GlobalSetup]
    public void Setup() => _ledger = new LedgerFixture();

    [GlobalCleanup]
    public void Cleanup() => _ledger.Dispose();

    [Benchmark(Description = "hold+settle, one caller")]
    public CreditBalance? HoldAndSettle() => _ledger.HoldAndSettle();
}
