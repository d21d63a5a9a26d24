using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>The global budget and the invalid-request counter, driven by a fake clock.</summary>
public sealed class RateLimitStateTests
{
    [Fact]
    public async Task The_global_limiter_lets_50_requests_through_in_a_second_and_holds_the_51st_until_a_slot_is_a_second_old()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 50);
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 50; i++)
        {
            await limiter.WaitAsync((wait, _) => waits.Add(wait), CancellationToken.None);
            limiter.Complete();
        }

        var fiftyFirst = limiter.WaitAsync((wait, _) => waits.Add(wait), CancellationToken.None);
        Assert.False(fiftyFirst.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(waits));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(fiftyFirst.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_slot_is_held_until_a_second_after_the_response_so_delayed_requests_cannot_arrive_bunched()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 3);

        // Three requests let through at once; the network holds them for 800 ms, so Discord sees them arrive late.
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        }

        time.Advance(TimeSpan.FromMilliseconds(800));
        for (var i = 0; i < 3; i++)
        {
            limiter.Complete();
        }

        // A plain window would open at 1 s and a fourth request could arrive within Discord's second of the first three.
        var fourth = limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(799));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task With_every_slot_in_flight_the_next_request_waits_for_a_response_and_then_its_second()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 2);
        await limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        await limiter.WaitAsync((_, _) => { }, CancellationToken.None);

        var third = limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);

        limiter.Complete();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_slot_and_an_extra_completion_is_refused()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 1);
        await limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.WaitAsync((_, _) => { }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, limiter.InFlight);
        limiter.Complete();
        Assert.Throws<InvalidOperationException>(limiter.Complete);
    }

    [Fact]
    public async Task A_global_pause_holds_requests_until_it_ends()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 50);
        limiter.PauseUntil(time.GetUtcNow() + TimeSpan.FromSeconds(2));

        var waiting = limiter.WaitAsync((_, _) => { }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Invalid_requests_warn_then_error_once_per_surge_and_age_out_after_ten_minutes()
    {
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var monitor = new InvalidRequestMonitor(time, Options.Create(new DiscordOptions { InvalidRequestWarningThreshold = 3, InvalidRequestErrorThreshold = 5 }), factory.CreateLogger<InvalidRequestMonitor>());

        for (var i = 0; i < 6; i++)
        {
            monitor.Record();
        }

        Assert.Equal(6, monitor.Count);
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains("10,000", logs.AllText, StringComparison.Ordinal);

        time.Advance(InvalidRequestMonitor.Window);
        Assert.Equal(0, monitor.Count);
        for (var i = 0; i < 3; i++)
        {
            monitor.Record();
        }

        Assert.Equal(2, logs.Lines.Count(l => l.Level == LogLevel.Warning));
    }
}
