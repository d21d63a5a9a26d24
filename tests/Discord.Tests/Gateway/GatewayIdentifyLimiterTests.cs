using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// Identify buckets and the daily session budget, on a fake clock. Every wait is bounded on both sides: not granted a
/// moment before it may be, and granted at that moment without the clock moving any further.
/// </summary>
public sealed class GatewayIdentifyLimiterTests
{
    private readonly TimerCountingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IGatewayInfoSource _source = Substitute.For<IGatewayInfoSource>();

    [Fact]
    public async Task Shards_in_different_buckets_identify_together_and_a_shared_bucket_waits_five_seconds()
    {
        Answer(remaining: 10, maxConcurrency: 2);
        var limiter = Limiter();

        using var shard0 = await limiter.AcquireAsync(0, () => { }, CancellationToken.None);
        var shard1 = limiter.AcquireAsync(1, () => { }, CancellationToken.None);
        Assert.True(shard1.IsCompletedSuccessfully, "Shard 1 is in the other bucket (1 % 2).");
        shard0.MarkSent();
        shard0.Dispose();

        var shard2 = limiter.AcquireAsync(2, () => { }, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(shard2.IsCompleted, "Shard 2 shares bucket 0 with shard 0, which identified 4.9 s ago.");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await shard2.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        (await shard1).Dispose();
    }

    [Fact]
    public async Task The_interval_counts_from_Discords_answer_not_from_the_send()
    {
        Answer(remaining: 10, maxConcurrency: 1);
        var limiter = Limiter();
        var shard0 = await limiter.AcquireAsync(0, () => { }, CancellationToken.None);
        shard0.MarkSent();

        var shard1 = limiter.AcquireAsync(1, () => { }, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(shard1.IsCompleted, "Discord has not answered shard 0's Identify yet, so it may not have counted it.");
        var timers = _time.TimersCreated;
        shard0.Dispose(); // READY arrives 6 s after the send.
        await WaitForTimerAsync(timers + 1);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(shard1.IsCompleted, "Only 4.9 s since Discord answered shard 0.");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await GrantedWithoutMoreTimeAsync(shard1)).Dispose();
    }

    [Fact]
    public async Task An_identify_never_answered_frees_its_bucket_after_the_answer_timeout()
    {
        Answer(remaining: 10, maxConcurrency: 1);
        var limiter = Limiter();
        using var stuck = await limiter.AcquireAsync(0, () => { }, CancellationToken.None);
        stuck.MarkSent();

        var next = limiter.AcquireAsync(1, () => { }, CancellationToken.None);
        _time.Advance(GatewayTimings.Discord.IdentifyAnswerTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted, "The stuck shard's Identify may still be answered.");
        var timers = _time.TimersCreated;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForTimerAsync(timers + 1);
        _time.Advance(GatewayTimings.Discord.IdentifyInterval - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted, "The interval counts from the timeout, the latest moment Discord can have counted it.");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await GrantedWithoutMoreTimeAsync(next)).Dispose();
        Assert.Equal(9, limiter.RemainingSessionStarts); // The unanswered Identify still counts; the unused permit does not.
    }

    [Fact]
    public async Task With_no_session_starts_left_it_waits_for_reset_after_then_asks_Discord_again()
    {
        Answer(remaining: 0, maxConcurrency: 1, resetAfter: TimeSpan.FromHours(1));
        var logs = new CapturedLogs();
        var limiter = Limiter(logs.CreateLogger("limiter"));
        var waitingReported = 0;

        var acquire = limiter.AcquireAsync(0, () => waitingReported++, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59));

        Assert.False(acquire.IsCompleted);
        Assert.Equal(1, waitingReported);
        Assert.Contains(logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("0 of 1000", StringComparison.Ordinal));

        Answer(remaining: 1000, maxConcurrency: 1);
        _time.Advance(TimeSpan.FromMinutes(1));
        (await acquire.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        await _source.Received(2).GetGatewayInfoAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_permit_not_used_returns_its_session_start_and_its_bucket_slot()
    {
        Answer(remaining: 1, maxConcurrency: 1);
        var limiter = Limiter();

        (await limiter.AcquireAsync(0, () => { }, CancellationToken.None)).Dispose();
        Assert.Equal(1, limiter.RemainingSessionStarts);

        var again = limiter.AcquireAsync(0, () => { }, CancellationToken.None);
        Assert.True(again.IsCompletedSuccessfully, "An unused permit must not start the 5 s window.");
        var permit = await again;
        permit.MarkSent();
        permit.Dispose();
        Assert.Equal(0, limiter.RemainingSessionStarts);

        var waiting = 0;
        var third = limiter.AcquireAsync(0, () => waiting++, CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(1, waiting);
    }

    [Fact]
    public async Task Gateway_info_is_fetched_again_once_it_may_be_stale()
    {
        Answer(remaining: 100, maxConcurrency: 1);
        var limiter = Limiter();

        await limiter.GetInfoAsync(refresh: false, CancellationToken.None);
        (await limiter.AcquireAsync(0, () => { }, CancellationToken.None)).Dispose();
        await _source.Received(1).GetGatewayInfoAsync(Arg.Any<CancellationToken>());

        _time.Advance(GatewayTimings.Discord.GatewayInfoMaxAge);
        (await limiter.AcquireAsync(0, () => { }, CancellationToken.None)).Dispose();
        await _source.Received(2).GetGatewayInfoAsync(Arg.Any<CancellationToken>());
        Assert.Equal("wss://gateway.example", limiter.GatewayUrl);
    }

    [Fact]
    public async Task A_nearly_spent_budget_is_reported()
    {
        Answer(remaining: 40, maxConcurrency: 1);
        var logs = new CapturedLogs();

        await Limiter(logs.CreateLogger("limiter")).GetInfoAsync(refresh: true, CancellationToken.None);

        Assert.Contains(logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("Only 40 of Discord's 1000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_wait_gives_the_session_start_back()
    {
        Answer(remaining: 5, maxConcurrency: 1);
        var limiter = Limiter();
        var first = await limiter.AcquireAsync(0, () => { }, CancellationToken.None);
        first.MarkSent();
        first.Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(0, () => { }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(4, limiter.RemainingSessionStarts);
    }

    private GatewayIdentifyLimiter Limiter(ILogger? logger = null) =>
        new(_source, GatewayTimings.Discord, _time, logger ?? NullLogger.Instance);

    private void Answer(int remaining, int maxConcurrency, TimeSpan? resetAfter = null) =>
        _source.GetGatewayInfoAsync(Arg.Any<CancellationToken>()).Returns(new GatewayInfo(
            "wss://gateway.example", 1, new SessionStartLimit(1000, remaining, resetAfter ?? TimeSpan.FromHours(20), maxConcurrency)));

    /// <summary>
    /// Waits (in real time) until the limiter has set its timer: a shard waiting behind another resumes on the thread
    /// pool when the bucket opens and only then sets it, and a clock moved before that would be moved for nothing.
    /// </summary>
    private async Task WaitForTimerAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_time.TimersCreated < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The limiter never set its timer ({_time.TimersCreated} of {count}).");
            await Task.Delay(5);
        }
    }

    /// <summary>The permit, granted at the clock's current moment: the clock is not moved again while it is awaited.</summary>
    private async Task<IdentifyPermit> GrantedWithoutMoreTimeAsync(Task<IdentifyPermit> acquiring)
    {
        var now = _time.GetUtcNow();
        var permit = await acquiring.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(now, _time.GetUtcNow());
        return permit;
    }
}
