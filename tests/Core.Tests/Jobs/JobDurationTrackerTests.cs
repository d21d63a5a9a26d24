using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class JobDurationTrackerTests
{
    [Fact]
    public void Uses_the_configured_expectation_until_jobs_finish()
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(15));

        Assert.Equal(TimeSpan.FromSeconds(15), tracker.Typical);
    }

    [Fact]
    public void Follows_the_recent_jobs_only()
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(15));
        for (var i = 0; i < 50; i++)
        {
            tracker.Record(TimeSpan.FromSeconds(60));
        }

        for (var i = 0; i < 20; i++)
        {
            tracker.Record(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), tracker.Typical);
    }

    [Fact]
    public void Typical_is_the_mean_of_the_recent_jobs_and_ignores_durations_that_are_not_positive()
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(15));
        tracker.Record(TimeSpan.FromSeconds(10));
        tracker.Record(TimeSpan.FromSeconds(20));
        tracker.Record(TimeSpan.Zero);
        tracker.Record(TimeSpan.FromSeconds(-5));

        Assert.Equal(TimeSpan.FromSeconds(15), tracker.Typical);
    }

    [Fact]
    public void The_window_holds_exactly_the_last_twenty_jobs()
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(15));
        tracker.Record(TimeSpan.FromSeconds(1000)); // pushed out by the twenty after it
        tracker.Record(TimeSpan.FromSeconds(50)); // the oldest of the twenty kept
        for (var i = 0; i < 19; i++)
        {
            tracker.Record(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds((50 + (19 * 10)) / 20.0), tracker.Typical);
    }

    [Fact]
    public void A_position_or_concurrency_below_one_is_refused()
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(15));

        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.EstimateWait(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.EstimateWait(1, 0));
    }

    [Theory]
    [InlineData(1, 4, 2)] // first in line: the current round, then its own job
    [InlineData(4, 4, 2)]
    [InlineData(5, 4, 3)]
    [InlineData(9, 4, 4)]
    [InlineData(3, 1, 4)]
    public void Estimates_rounds_of_jobs_ahead_plus_its_own(int position, int concurrency, int jobLengths)
    {
        var tracker = new JobDurationTracker(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10 * jobLengths), tracker.EstimateWait(position, concurrency));
    }
}
