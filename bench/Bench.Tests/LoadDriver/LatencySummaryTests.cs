using SeedreamBot.Bench.LoadDriver.Reporting;

namespace SeedreamBot.Bench.Tests.LoadDriver;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        // 1..100 ms, shuffled: p50 is the 50th value, p95 the 95th, p99 the 99th.
        var values = Enumerable.Range(1, 100).Reverse().Select(ms => TimeSpan.FromMilliseconds(ms)).ToList();

        var summary = LatencySummary.Of(values);

        Assert.Equal(100, summary.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(95), summary.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(99), summary.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(100), summary.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(50.5), summary.Mean);
    }

    [Fact]
    public void With_few_values_the_high_percentiles_are_the_maximum()
    {
        var summary = LatencySummary.Of([TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)]);

        Assert.Equal(TimeSpan.FromMilliseconds(2), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(3), summary.P99);
    }

    [Fact]
    public void No_values_give_an_empty_summary()
    {
        var summary = LatencySummary.Of([]);

        Assert.Equal(0, summary.Count);
        Assert.Equal(TimeSpan.Zero, summary.Max);
    }
}
