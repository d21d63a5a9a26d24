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
    public async Task The_global_limiter_lets_50_requests_through_in_a_second_and_holds_the_51st_until_the_window_slides()
    {
        var time = new FakeTimeProvider();
        var limiter = new GlobalRateLimiter(time, 50);
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 50; i++)
        {
            await limiter.WaitAsync((wait, _) => waits.Add(wait), CancellationToken.None);
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
