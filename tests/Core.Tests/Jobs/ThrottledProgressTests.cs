using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class ThrottledProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Shows_at_most_one_edit_per_interval_and_always_the_latest_value()
    {
        var time = new FakeTimeProvider();
        var shown = new ConcurrentQueue<int>();
        using var progress = new ThrottledProgress(Record(shown), time, Interval, alreadyShown: null, CancellationToken.None);

        progress.Report(new JobProgress(JobStatus.Processing, 10));
        await WaitUntil(() => shown.Count == 1);

        progress.Report(new JobProgress(JobStatus.Processing, 20));
        progress.Report(new JobProgress(JobStatus.Processing, 30));
        progress.Report(new JobProgress(JobStatus.Processing, 40));
        await Task.Delay(50);
        Assert.Single(shown);

        time.Advance(Interval);
        await WaitUntil(() => shown.Count == 2);

        await progress.CompleteAsync();
        Assert.Equal([10, 40], shown);
        Assert.Equal(2, progress.Shown);
    }

    [Fact]
    public async Task Completing_drops_a_value_still_waiting_for_its_turn()
    {
        var time = new FakeTimeProvider();
        var shown = new ConcurrentQueue<int>();
        using var progress = new ThrottledProgress(Record(shown), time, Interval, alreadyShown: null, CancellationToken.None);

        progress.Report(new JobProgress(JobStatus.Processing, 50));
        await WaitUntil(() => shown.Count == 1);
        progress.Report(new JobProgress(JobStatus.Processing, 90));

        await progress.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([50], shown);
    }

    [Fact]
    public async Task The_value_already_on_screen_is_not_shown_again_and_waits_its_interval()
    {
        var time = new FakeTimeProvider();
        var shown = new ConcurrentQueue<int>();
        var onScreen = new JobProgress(JobStatus.Queued, 0);
        using var progress = new ThrottledProgress(Record(shown), time, Interval, onScreen, CancellationToken.None);

        progress.Report(onScreen);
        time.Advance(Interval);
        await Task.Delay(50);
        Assert.Empty(shown);

        progress.Report(new JobProgress(JobStatus.Processing, 5));
        await WaitUntil(() => shown.Count == 1);
        await progress.CompleteAsync();
        Assert.Equal([5], shown);
    }

    [Fact]
    public async Task A_new_value_waits_out_the_interval_of_the_one_already_on_screen()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var shownAt = new ConcurrentQueue<DateTimeOffset>();
        using var progress = new ThrottledProgress(
            (_, _) =>
            {
                shownAt.Enqueue(time.GetUtcNow());
                return Task.CompletedTask;
            },
            time,
            Interval,
            new JobProgress(JobStatus.Queued, 0),
            CancellationToken.None);

        progress.Report(new JobProgress(JobStatus.Processing, 5));
        await WaitUntil(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            return !shownAt.IsEmpty;
        });

        await progress.CompleteAsync();
        Assert.True(Assert.Single(shownAt) >= start + Interval, "the edit came before the interval of the value on screen ran out");
    }

    [Fact]
    public async Task An_edit_that_throws_is_skipped_and_the_next_value_is_still_shown()
    {
        var time = new FakeTimeProvider();
        var shown = new ConcurrentQueue<int>();
        using var progress = new ThrottledProgress(
            (value, _) =>
            {
                shown.Enqueue(value.Percent);
                return value.Percent == 10 ? Task.FromException(new HttpRequestException("Discord 503")) : Task.CompletedTask;
            },
            time,
            Interval,
            alreadyShown: null,
            CancellationToken.None);

        progress.Report(new JobProgress(JobStatus.Processing, 10));
        await WaitUntil(() => shown.Count == 1);
        progress.Report(new JobProgress(JobStatus.Processing, 20));
        await WaitUntil(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            return shown.Count == 2;
        });

        await progress.CompleteAsync();
        Assert.Equal([10, 20], shown);
        Assert.Equal(1, progress.Shown);
    }

    private static Func<JobProgress, CancellationToken, Task> Record(ConcurrentQueue<int> shown) => (value, _) =>
    {
        shown.Enqueue(value.Percent);
        return Task.CompletedTask;
    };

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 seconds.");
            await Task.Delay(5);
        }
    }
}
