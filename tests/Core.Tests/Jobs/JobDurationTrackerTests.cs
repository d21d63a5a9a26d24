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
