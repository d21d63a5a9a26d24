using SeedreamBot.Bench.LoadDriver.Child;

namespace SeedreamBot.Bench.Tests.LoadDriver;

public sealed class PrometheusHistogramTests
{
    private const string Name = "seedreambot_interaction_ack_latency_seconds";

    private const string Before = """
        # TYPE seedreambot_interaction_ack_latency_seconds histogram
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",otel_scope_name="SeedreamBot.Interactions",le="0.005"} 1 1732450000000
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",otel_scope_name="SeedreamBot.Interactions",le="0.01"} 2 1732450000000
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",otel_scope_name="SeedreamBot.Interactions",le="0.025"} 2 1732450000000
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",otel_scope_name="SeedreamBot.Interactions",le="+Inf"} 2 1732450000000
        seedreambot_interaction_ack_latency_seconds_sum{command="imagine"} 0.012 1732450000000
        seedreambot_interaction_ack_latency_seconds_count{command="imagine"} 2 1732450000000
        seedreambot_interactions_total{command="imagine",outcome="ok"} 2 1732450000000
        """;

    private const string After = """
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",le="0.005"} 1
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",le="0.01"} 54
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",le="0.025"} 101
        seedreambot_interaction_ack_latency_seconds_bucket{command="imagine",le="+Inf"} 102
        seedreambot_interaction_ack_latency_seconds_bucket{command="credits",le="0.005"} 0
        seedreambot_interaction_ack_latency_seconds_bucket{command="credits",le="0.01"} 0
        seedreambot_interaction_ack_latency_seconds_bucket{command="credits",le="0.025"} 0
        seedreambot_interaction_ack_latency_seconds_bucket{command="credits",le="+Inf"} 3
        """;

    [Fact]
    public void Buckets_are_summed_over_label_sets_and_other_series_ignored()
    {
        var histogram = PrometheusHistogram.Parse(After, Name);

        Assert.Equal(105, histogram.Count);
        Assert.Equal(101, histogram.Cumulative[0.025]);
        Assert.Equal(105, histogram.Cumulative[double.PositiveInfinity]);
    }

    [Fact]
    public void The_difference_of_two_scrapes_gives_the_percentiles_in_between()
    {
        var during = PrometheusHistogram.Parse(After, Name).Minus(PrometheusHistogram.Parse(Before, Name));

        // 103 new observations: 52 at ≤ 10 ms, 47 more at ≤ 25 ms, 4 beyond.
        Assert.Equal(103, during.Count);
        Assert.Equal(0.01, during.Percentile(50));
        Assert.Equal(0.025, during.Percentile(95));
        Assert.Equal(double.PositiveInfinity, during.Percentile(99));
    }

    [Fact]
    public void An_empty_scrape_has_no_percentiles()
    {
        var histogram = PrometheusHistogram.Parse("# nothing here\n", Name);

        Assert.Equal(0, histogram.Count);
        Assert.Null(histogram.Percentile(99));
    }
}
