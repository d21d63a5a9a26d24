using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Where webhook events wait for pollers: an event before its poller is kept for it, the end beats progress, and once
/// a poller saw the end, later events (duplicates, stragglers) are late and change nothing.
/// </summary>
public sealed class ApiframeJobUpdatesTests
{
    private const string JobId = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task An_event_for_a_waiting_poller_is_delivered_at_once()
    {
        var updates = new ApiframeJobUpdates(_time);
        using var poller = updates.Subscribe(JobId);
        var waiting = poller.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();

        Assert.Equal(JobUpdatePublish.Delivered, updates.Publish(Update("PROCESSING", 40)));

        Assert.Equal(40, (await waiting)!.Progress);
    }

    [Fact]
    public async Task An_event_before_its_poller_is_kept_and_the_end_beats_later_progress()
    {
        var updates = new ApiframeJobUpdates(_time);

        Assert.Equal(JobUpdatePublish.Kept, updates.Publish(Update("PROCESSING", 40)));
        Assert.Equal(JobUpdatePublish.Kept, updates.Publish(Update("COMPLETED", 100)));
        Assert.Equal(JobUpdatePublish.Kept, updates.Publish(Update("PROCESSING", 75)));
        Assert.Equal(1, updates.KeptCount);

        using var poller = updates.Subscribe(JobId);
        Assert.Equal("COMPLETED", (await poller.WaitAsync(TimeSpan.Zero, CancellationToken.None))!.Status);
        Assert.Null(await poller.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(0, updates.KeptCount);
    }

    [Fact]
    public void Events_after_the_poller_saw_the_end_are_late()
    {
        var updates = new ApiframeJobUpdates(_time);
        using (updates.Subscribe(JobId))
        {
            updates.Ended(JobId);
        }

        Assert.Equal(JobUpdatePublish.Late, updates.Publish(Update("COMPLETED", 100)));
        Assert.Equal(JobUpdatePublish.Late, updates.Publish(Update("PROCESSING", 90)));
        Assert.Equal(0, updates.KeptCount);
    }

    [Fact]
    public async Task A_poller_that_waits_in_vain_is_told_to_poll_when_its_time_is_up()
    {
        var updates = new ApiframeJobUpdates(_time);
        using var poller = updates.Subscribe(JobId);

        var waiting = poller.WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await waiting);
    }

    [Fact]
    public void Unclaimed_events_are_bounded()
    {
        var updates = new ApiframeJobUpdates(_time);

        for (var i = 0; i < ApiframeJobUpdates.MaxKept + 500; i++)
        {
            updates.Publish(new JobBody { Id = Guid.NewGuid().ToString(), Status = "PROCESSING", Progress = 10 });
        }

        Assert.True(updates.KeptCount <= ApiframeJobUpdates.MaxKept, $"{updates.KeptCount} kept");

        _time.Advance(ApiframeJobUpdates.KeepFor + TimeSpan.FromSeconds(1));
        updates.Publish(Update("PROCESSING", 10));
        Assert.Equal(1, updates.KeptCount);
    }

    private static JobBody Update(string status, int progress) => new() { Id = JobId, Status = status, Progress = progress };
}
