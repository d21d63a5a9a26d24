using SeedreamBot.Bench.LoadDriver;
using SeedreamBot.Bench.LoadDriver.Reporting;
using SeedreamBot.Bench.LoadDriver.Scenarios;

namespace SeedreamBot.Bench.Tests.LoadDriver;

public sealed class LoadReportTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Every_target_is_listed_and_unrun_scenarios_say_so()
    {
        var targets = new LoadReport(LoadDriverOptions.Full).Targets();

        Assert.Equal(8, targets.Count);
        Assert.All(targets, t => Assert.Equal("not run", t.Verdict));
    }

    [Fact]
    public void Ack_targets_are_judged_at_200_and_1000()
    {
        var report = new LoadReport(LoadDriverOptions.Full);
        report.AckBursts.Add(Burst(50, p99: 500 * Ms, missed: 0));
        report.AckBursts.Add(Burst(200, p99: 49 * Ms, missed: 0));
        report.AckBursts.Add(Burst(1000, p99: 2900 * Ms, missed: 1));

        var targets = report.Targets();

        Assert.Equal("PASS", targets[0].Verdict);
        Assert.Contains("p99 49.0 ms", targets[0].Measured, StringComparison.Ordinal);
        Assert.Equal("**MISS**", targets[1].Verdict);
        Assert.Contains("1 missed", targets[1].Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_p99_is_a_miss()
    {
        var report = new LoadReport(LoadDriverOptions.Full);
        report.AckBursts.Add(Burst(200, p99: 50 * Ms, missed: 0));

        Assert.Equal("**MISS**", report.Targets()[0].Verdict);
    }

    [Fact]
    public void Generation_targets_follow_the_job_length()
    {
        var report = new LoadReport(LoadDriverOptions.Full)
        {
            // 12 s jobs: at most 8 polls; 100 ms of CPU per 13 s is 0.77 %.
            Generations = Generation(maxPolls: 8, minGap: TimeSpan.FromSeconds(2), cpu: 100 * Ms),
        };

        var targets = report.Targets();

        Assert.Equal(["PASS", "PASS", "PASS"], targets.Skip(4).Take(3).Select(t => t.Verdict));

        report.Generations = Generation(maxPolls: 9, minGap: TimeSpan.FromSeconds(1.5), cpu: 200 * Ms);
        Assert.Equal(["**MISS**", "**MISS**", "**MISS**"], report.Targets().Skip(4).Take(3).Select(t => t.Verdict));
    }

    [Fact]
    public void Memory_targets_compare_added_memory_with_the_bytes_in_flight()
    {
        var report = new LoadReport(LoadDriverOptions.Full)
        {
            Idle = new IdleResult(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 119_000_000, TimeSpan.FromSeconds(1)),

            // 64 images of 10 MB in flight; 1,300 MB added is 2.03 copies.
            Large = new LargeResultResult(100, 0, 10_000_000, 64, 100_000_000, 1_400_000_000, 64),
        };

        var targets = report.Targets();

        Assert.Equal("PASS", targets[2].Verdict);
        Assert.Equal("PASS", targets[3].Verdict);
        Assert.Contains("2.03 copies", targets[3].Measured, StringComparison.Ordinal);

        report.Large = report.Large with { PeakBytes = 2_000_000_000 };
        Assert.Equal("**MISS**", report.Targets()[3].Verdict);
    }

    [Fact]
    public void Details_show_every_scenario_that_ran()
    {
        var report = new LoadReport(LoadDriverOptions.Full)
        {
            Generations = Generation(maxPolls: 5, minGap: TimeSpan.FromSeconds(2), cpu: 40 * Ms),
        };
        report.AckBursts.Add(Burst(200, p99: 20 * Ms, missed: 0));

        var details = report.Details();

        Assert.Contains("| 200 | ", details, StringComparison.Ordinal);
        Assert.Contains("| ≤ 10 ms / ≤ 25 ms |", details, StringComparison.Ordinal);
        Assert.Contains("| status polls per job (mean / max) | 4.0 / 5 |", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Large results", details, StringComparison.Ordinal);
    }

    [Fact]
    public void The_webhook_target_is_the_p50_of_every_job_seen_done_with_webhooks()
    {
        var report = new LoadReport(LoadDriverOptions.Full) { Webhooks = Detection(webhooksP50: 40 * Ms) };

        var target = report.Targets()[^1];

        Assert.Equal("PASS", target.Verdict);
        Assert.Contains("p50 40.0 ms", target.Measured, StringComparison.Ordinal);
        Assert.Contains("polling only: p50 2600.0 ms", target.Measured, StringComparison.Ordinal);
        var details = report.Details();
        Assert.Contains("| webhooks | 40.0 ms |", details, StringComparison.Ordinal);
        Assert.Contains("| 40 of 40 |", details, StringComparison.Ordinal);

        report.Webhooks = Detection(webhooksP50: 100 * Ms);
        Assert.Equal("**MISS**", report.Targets()[^1].Verdict);

        // A job the bot never saw done (or a failed generation) fails the target whatever the median says.
        var fast = Detection(webhooksP50: 10 * Ms);
        report.Webhooks = fast with { Webhooks = fast.Webhooks with { Detection = fast.Webhooks.Detection with { Count = 39 } } };
        Assert.Equal("**MISS**", report.Targets()[^1].Verdict);
        report.Webhooks = fast with { Webhooks = fast.Webhooks with { Failed = 1 } };
        Assert.Equal("**MISS**", report.Targets()[^1].Verdict);
    }

    private static WebhookDetectionResult Detection(TimeSpan webhooksP50) => new(
        new DetectionRun("polling", 40, 0, new LatencySummary(40, 2600 * Ms, 4800 * Ms, 4900 * Ms, 5000 * Ms, 2700 * Ms), 0, 4, new BotNoticeDelay(40, 5, 5)),
        new DetectionRun("webhooks", 40, 0, new LatencySummary(40, webhooksP50, 2 * webhooksP50, 3 * webhooksP50, 4 * webhooksP50, webhooksP50), 40, 1, new BotNoticeDelay(40, 0.01, 0.025)),
        TimeSpan.FromSeconds(12),
        300 * Ms);

    private static AckBurstResult Burst(int size, TimeSpan p99, int missed) =>
        new(size, new LatencySummary(size - missed, p99 / 2, p99, p99, p99 + Ms, p99 / 2), missed, missed, 0, 5 * Ms, new BotAckLatency(size, 0.01, 0.025), 2 * Ms, 1 * Ms);

    private static GenerationCostResult Generation(int maxPolls, TimeSpan minGap, TimeSpan cpu) =>
        new(60, 0, TimeSpan.FromSeconds(12), 4_000_000, TimeSpan.FromSeconds(13), cpu, 8, 0, 5, 1, 4, maxPolls, 5, 6, minGap, 0.5, TimeSpan.FromMilliseconds(30), 150_000_000, new GenerationStages(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(0.01), TimeSpan.FromSeconds(0.3)));
}
