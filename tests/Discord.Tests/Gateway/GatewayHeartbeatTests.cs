using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Heartbeats over the wire: their content, server requests, and independence from slow subscribers.</summary>
public sealed class GatewayHeartbeatTests
{
    /// <summary>
    /// Long enough that a loaded two-core machine (other test processes, a build beside them) never delays an ACK past
    /// the next beat, which would be a false zombie and a second connection these tests would count; short enough to
    /// see three beats in a few seconds. The schedule itself is tested on a fake clock (GatewayTimingTests).
    /// </summary>
    private static readonly TimeSpan SteadyInterval = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task A_heartbeat_request_is_answered_at_once_with_the_last_sequence()
    {
        // A 60 s interval with jitter 0.99 puts the first scheduled beat far beyond this test: any beat is the answer.
        await using var harness = await GatewayHarness.StartAsync(
            fake => fake.HeartbeatInterval = TimeSpan.FromSeconds(60),
            random: new FixedRandom(0.99));
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        Assert.Equal(0, harness.Fake.GetShardStats().Heartbeats);

        await harness.Fake.RequestHeartbeatAsync();
        await harness.Fake.WaitForHeartbeatsAsync();

        var beat = harness.Fake.ReceivedPayloads.Single(p => p["op"]!.GetValue<int>() == 1);
        Assert.Equal(1, beat["d"]!.GetValue<int>());
        await harness.WaitForStatusAsync(s => s.Shards[0].Latency is not null && s.Shards[0].LastAckAge is not null, "a measured latency");
    }

    [Fact]
    public async Task A_stuck_subscriber_neither_delays_heartbeats_nor_loses_events_for_other_subscribers()
    {
        await using var harness = await GatewayHarness.StartAsync(
            fake => fake.HeartbeatInterval = SteadyInterval,
            client: options => options.EventQueueCapacity = 16);
        // Never read: its queue fills after 16 events.
        _ = harness.Gateway.Subscribe();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        // Paced in batches the reading subscriber keeps up with, so only the stuck one can overflow.
        for (var batch = 0; batch < 20; batch++)
        {
            for (var i = batch * 10; i < (batch + 1) * 10; i++)
            {
                await harness.Fake.DispatchAsync("TYPING_START", new JsonObject { ["n"] = i }, guildId: null, CancellationToken.None);
            }

            await harness.Events.WaitForEventAsync("TYPING_START", count: (batch + 1) * 10);
        }

        var acksAfterBurst = harness.Fake.GetShardStats().HeartbeatAcks;
        await harness.Fake.WaitForHeartbeatAcksAsync(count: acksAfterBurst + 3);

        var typed = harness.Events.Named("TYPING_START");
        Assert.Equal(Enumerable.Range(0, 200), typed.Select(d => d.Data.GetProperty("n").GetInt32()));
        Assert.Equal(1, harness.Fake.ConnectionCount);
        var status = harness.Gateway.GetStatus();
        Assert.Equal(200 + 1 - 16, status.DroppedEvents); // READY and 15 events fill the stuck queue.
        Assert.Contains(harness.Logs.Entries, log => log.Message.Contains("queue is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_that_blocks_does_not_stop_heartbeats()
    {
        await using var harness = await GatewayHarness.StartAsync(fake => fake.HeartbeatInterval = SteadyInterval);
        var blocked = new TaskCompletionSource();
        var reader = harness.Gateway.Subscribe();
        var handler = Task.Run(async () =>
        {
            await reader.ReadAsync();
            await blocked.Task; // A handler stuck on its first event.
        });
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        var acks = harness.Fake.GetShardStats().HeartbeatAcks;

        await harness.Fake.WaitForHeartbeatAcksAsync(count: acks + 3);

        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.False(handler.IsCompleted);
        blocked.SetResult();
        await handler;
    }
}
