using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Heartbeat schedule, zombie detection, send limiting and backoff, on a fake clock.</summary>
public sealed class GatewayTimingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_first_beat_waits_interval_times_jitter_then_beats_every_interval()
    {
        var beats = 0;
        var heartbeat = new GatewayHeartbeat(TimeSpan.FromSeconds(40), () => 0.25, _time, _ => { beats++; return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var running = heartbeat.RunAsync(stop.Token);

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(0, beats);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await WaitUntil(() => beats == 1);
        heartbeat.Acknowledge();
        _time.Advance(TimeSpan.FromSeconds(40));
        await WaitUntil(() => beats == 2);

        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_beat_without_an_ack_before_the_next_one_ends_the_loop_as_a_zombie()
    {
        var beats = 0;
        var heartbeat = new GatewayHeartbeat(TimeSpan.FromSeconds(40), () => 0, _time, _ => { beats++; return Task.CompletedTask; });

        var running = heartbeat.RunAsync(CancellationToken.None);
        await WaitUntil(() => beats == 1);
        _time.Advance(TimeSpan.FromSeconds(40));

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, beats);
    }

    [Fact]
    public async Task An_ack_to_a_requested_beat_keeps_the_connection_alive_and_measures_latency()
    {
        var beats = 0;
        var heartbeat = new GatewayHeartbeat(TimeSpan.FromSeconds(40), () => 0, _time, _ => { beats++; return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var running = heartbeat.RunAsync(stop.Token);
        await WaitUntil(() => beats == 1);

        _time.Advance(TimeSpan.FromSeconds(20));
        await heartbeat.BeatNowAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        var latency = heartbeat.Acknowledge();
        _time.Advance(TimeSpan.FromSeconds(20));
        await WaitUntil(() => beats == 3);

        Assert.Equal(TimeSpan.FromMilliseconds(250), latency);
        Assert.Equal(TimeSpan.FromMilliseconds(250), heartbeat.Latency);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(20), heartbeat.LastAckAt);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task The_send_limiter_keeps_sends_in_reserve_for_essential_payloads()
    {
        var limiter = new GatewaySendLimiter(limit: 5, window: TimeSpan.FromSeconds(60), reservedEssential: 1, _time);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.WaitAsync(essential: false, CancellationToken.None).IsCompletedSuccessfully);
        }

        var optional = limiter.WaitAsync(essential: false, CancellationToken.None).AsTask();
        var essential = limiter.WaitAsync(essential: true, CancellationToken.None).AsTask();
        var essentialOverLimit = limiter.WaitAsync(essential: true, CancellationToken.None).AsTask();

        Assert.False(optional.IsCompleted);
        Assert.True(essential.IsCompletedSuccessfully);
        Assert.False(essentialOverLimit.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(60));
        await Task.WhenAll(optional, essentialOverLimit).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Backoff_doubles_per_failure_up_to_the_cap_and_jitters_down_to_half()
    {
        var full = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1.0);
        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(0, 6).Select(_ => full.NextDelay().TotalSeconds));
        Assert.Equal(6, full.ConsecutiveFailures);
        full.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), full.NextDelay());

        var half = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 0.0);
        Assert.Equal([0.5, 1, 2, 4, 5], Enumerable.Range(0, 5).Select(_ => half.NextDelay().TotalSeconds));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, deadline.Token);
        }
    }
}
