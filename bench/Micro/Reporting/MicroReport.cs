using System.Globalization;
using System.Text;
using SeedreamBot.Bench.Micro.Credits;

namespace SeedreamBot.Bench.Micro.Reporting;

/// <summary>The micro-benchmarks as markdown: one row per benchmark, and the ledger target row.</summary>
public sealed class MicroReport
{
    public const string TargetsFile = "micro-targets.md";

    public const string DetailsFile = "micro-details.md";

    /// <summary>Durable hold+settle pairs per second the ledger must sustain.</summary>
    public const double LedgerTarget = 2000;

    public MicroReport(IReadOnlyList<MicroResult> results, bool quick)
    {
        Results = results;
        Quick = quick;
    }

    public IReadOnlyList<MicroResult> Results { get; }

    public bool Quick { get; }

    public string TargetRows()
    {
        const string Target = "ledger ≥ 2,000 durable hold+settle pairs/s";
        var best = Results
            .Where(r => r.Method == nameof(ConcurrentLedgerBenchmarks.HoldAndSettleConcurrently) && r.OperationsPerSecond is not null)
            .MaxBy(r => r.OperationsPerSecond);
        if (best?.OperationsPerSecond is not { } pairs)
        {
            return $"| {Target} | — | not run |\n";
        }

        var single = Find(nameof(LedgerBenchmarks.HoldAndSettle));
        var callers = best.Benchmark.Contains('(', StringComparison.Ordinal)
            ? best.Benchmark[(best.Benchmark.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')')
            : "many callers";
        var measured = $"{Rate(pairs)} pairs/s ({callers})" +
            (single?.OperationsPerSecond is { } alone ? $"; {Rate(alone)}/s for one caller alone" : "") +
            (Quick ? " (quick run)" : "");
        return $"| {Target} | {measured} | {(pairs >= LedgerTarget ? "PASS" : "**MISS**")} |\n";
    }

    public string Details()
    {
        var text = new StringBuilder();
        text.AppendLine("### Micro-benchmarks (BenchmarkDotNet, in-process, MemoryDiagnoser)");
        text.AppendLine();
        if (Quick)
        {
            text.AppendLine("**Quick run (ShortRun job): indicative only.**");
            text.AppendLine();
        }

        text.AppendLine("| benchmark | mean | ops/s | allocated/op |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var result in Results)
        {
            text.AppendLine(
                $"| {result.Benchmark} | {(result.MeanNanoseconds is { } mean ? Time(mean) : "failed")} | " +
                $"{(result.OperationsPerSecond is { } rate ? Rate(rate) : "—")} | {(result.AllocatedBytes is { } bytes ? Bytes(bytes) : "—")} |");
        }

        text.AppendLine();
        text.AppendLine(
            "Ledger pairs are two transactions each (hold, settle), each written and fsynced before it returns; callers that " +
            "commit together share one fsync, so throughput grows with concurrent callers while one caller alone waits for " +
            "two fsyncs per pair.");
        text.AppendLine();
        return text.ToString();
    }

    private MicroResult? Find(string method) => Results.FirstOrDefault(r => r.Method == method);

    private static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1_000_000 => (nanoseconds / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => (nanoseconds / 1_000_000).ToString("0.000", CultureInfo.InvariantCulture) + " ms",
    };

    private static string Bytes(long bytes) => bytes < 10_000
        ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
        : (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
}
