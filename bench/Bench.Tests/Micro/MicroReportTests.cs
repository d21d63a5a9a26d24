using SeedreamBot.Bench.Micro.Credits;
using SeedreamBot.Bench.Micro.Reporting;

namespace SeedreamBot.Bench.Tests.Micro;

public sealed class MicroReportTests
{
    [Theory]
    [InlineData(400_000, "PASS")] // 2,500 pairs/s
    [InlineData(600_000, "**MISS**")] // 1,667 pairs/s
    public void The_ledger_target_is_judged_on_the_best_concurrent_run(double nanosecondsPerPair, string verdict)
    {
        var report = new MicroReport(
        [
            new MicroResult("Ledger: hold+settle, one caller", nameof(LedgerBenchmarks.HoldAndSettle), 5_000_000, 4096),
            new MicroResult(
                "ConcurrentLedger: hold+settle, many callers at once (Callers=16)",
                nameof(ConcurrentLedgerBenchmarks.HoldAndSettleConcurrently),
                nanosecondsPerPair * 2,
                4096),
            new MicroResult(
                "ConcurrentLedger: hold+settle, many callers at once (Callers=64)",
                nameof(ConcurrentLedgerBenchmarks.HoldAndSettleConcurrently),
                nanosecondsPerPair,
                4096),
        ], quick: false);

        var row = report.TargetRows();

        Assert.EndsWith($"| {verdict} |\n", row, StringComparison.Ordinal);
        Assert.Contains("(Callers=64); 200/s for one caller alone", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_ledger_benchmark_the_target_is_not_run()
    {
        var report = new MicroReport([new MicroResult("EmbedRendering: progress", "Progress", 12_345, 2048)], quick: true);

        Assert.Contains("not run", report.TargetRows(), StringComparison.Ordinal);
        var details = report.Details();
        Assert.Contains("| EmbedRendering: progress | 12.35 µs | 81,004 | 2048 B |", details, StringComparison.Ordinal);
        Assert.Contains("Quick run", details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_benchmark_that_failed_is_shown_as_failed()
    {
        var report = new MicroReport([new MicroResult("Ledger: hold+settle, one caller", "HoldAndSettle", null, null)], quick: false);

        Assert.Contains("| failed | — | — |", report.Details(), StringComparison.Ordinal);
    }
}
