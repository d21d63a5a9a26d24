using System.Diagnostics.Metrics;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>
/// Rate limits over the wire. The fake answers any request that comes before a 429's retry_after (or before a
/// bucket's reset) with another 429, so "exactly one 429 and every message once" proves the waits were honoured.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_route_429_is_waited_out_and_retried_once_without_losing_or_duplicating_the_message()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.RateLimits.Inject("POST /channels/{channel_id}/messages", FakeRateLimitScope.User, RetryAfter);

        var message = await harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "hello" });

        var calls = harness.Server.Calls;
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= RetryAfter - TimeSpan.FromMilliseconds(5), $"retried after {(calls[1].ReceivedAt - calls[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(message.Id, Assert.Single(harness.Server.Messages(10)).Id);
        Assert.Equal(1, harness.Server.RateLimits.RateLimitedCount);
    }

    [Fact]
    public async Task A_global_429_holds_back_every_route_until_retry_after_has_passed()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.RateLimits.Inject("POST /channels/{channel_id}/messages", FakeRateLimitScope.Global, RetryAfter);

        var first = harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "one" });
        await harness.Server.WaitForCallAsync(c => c.StatusCode == 429);

        // Start the others once the client has taken in the 429 (not merely once the fake has sent it).
        await Eventually.TrueAsync(() => harness.Logs.AllText.Contains("Discord rate-limited", StringComparison.Ordinal));
        var others = Enumerable.Range(0, 3).Select(i => harness.Client.CreateMessageAsync(20 + (ulong)i, new MessageCreate { Content = $"other {i}" })).ToList();
        await Task.WhenAll([first, .. others]);

        var calls = harness.Server.Calls;
        var limited = Assert.Single(calls, c => c.StatusCode == 429);
        Assert.Equal("true", limited.ResponseJson!["global"]!.ToJsonString());
        Assert.All(calls.Where(c => c != limited), c => Assert.True(
            c.ReceivedAt - limited.ReceivedAt >= RetryAfter - TimeSpan.FromMilliseconds(5),
            $"{c.Route} went out {(c.ReceivedAt - limited.ReceivedAt).TotalMilliseconds} ms after the global 429"));
        Assert.Single(harness.Server.Messages(10));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Single(harness.Server.Messages(20 + (ulong)i)));
    }

    [Fact]
    public async Task Interaction_callbacks_are_not_held_back_by_the_global_limit()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.RateLimits.Inject("POST /channels/{channel_id}/messages", FakeRateLimitScope.Global, TimeSpan.FromSeconds(30));
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        using var stuck = new CancellationTokenSource();
        var blocked = harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "waits" }, cancellationToken: stuck.Token);
        await harness.Server.WaitForCallAsync(c => c.StatusCode == 429);

        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());

        Assert.Equal(5, (await interaction.WaitForInitialResponseAsync()).Type);
        Assert.False(blocked.IsCompleted);
        await stuck.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_instead_of_earning_a_429()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var window = TimeSpan.FromMilliseconds(250);
        harness.Server.RateLimits.SetBucket("POST /channels/{channel_id}/messages", 2, window);

        for (var i = 0; i < 5; i++)
        {
            await harness.Client.CreateMessageAsync(10, new MessageCreate { Content = $"message {i}" });
        }

        var calls = harness.Server.Calls;
        Assert.All(calls, c => Assert.Equal(200, c.StatusCode));
        Assert.Equal(5, harness.Server.Messages(10).Count);
        Assert.True(calls[2].ReceivedAt - calls[0].ReceivedAt >= window - TimeSpan.FromMilliseconds(5));
        Assert.True(calls[4].ReceivedAt - calls[2].ReceivedAt >= window - TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task Buckets_are_split_by_major_parameter()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.RateLimits.SetBucket("POST /channels/{channel_id}/messages", 1, TimeSpan.FromSeconds(30));

        await harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "a" });

        // Channel 10's bucket is spent for 30 s. A client that ignored the major parameter would wait that out (or
        // earn a 429) before posting to channel 11: it must neither wait nor take anywhere near that long.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await harness.Client.CreateMessageAsync(11, new MessageCreate { Content = "b" }, cancellationToken: bound.Token);

        Assert.All(harness.Server.Calls, c => Assert.Equal(200, c.StatusCode));
        Assert.DoesNotContain("rate limit before", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Single(harness.Server.Messages(11));

        // The same channel again does wait for its bucket: the split is by channel, not no limit at all.
        using var stop = new CancellationTokenSource();
        var third = harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "c" }, cancellationToken: stop.Token);
        await Eventually.TrueAsync(() => harness.Logs.AllText.Contains("rate limit before POST /channels/{channel_id}/messages", StringComparison.Ordinal));
        Assert.False(third.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(2, harness.Server.Calls.Count);
    }

    [Fact]
    public async Task A_shared_429_is_retried_and_not_counted_toward_the_invalid_request_ban()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.RateLimits.Inject("PATCH /channels/{channel_id}/messages/{message_id}", FakeRateLimitScope.Shared, TimeSpan.FromMilliseconds(50));
        var message = await harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "a" });

        await harness.Client.EditMessageAsync(10, message.Id, new MessageEdit { Content = "b" });

        Assert.Equal("b", harness.Server.LatestMessage(message.Id)!.Content);
        Assert.Equal(0, ((InvalidRequestMonitor)harness.Services.GetService(typeof(InvalidRequestMonitor))!).Count);
    }

    [Fact]
    public async Task Giving_up_after_the_last_retry_raises_a_rate_limited_exception()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:MaxRetries"] = "1" });
        harness.Server.RateLimits.Inject("GET /applications/@me", FakeRateLimitScope.User, TimeSpan.FromMilliseconds(20), times: 5);

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => harness.Client.GetCurrentApplicationAsync());

        Assert.Equal(RateLimitScope.Route, error.Scope);
        Assert.Equal(2, harness.Server.Calls.Count);
        Assert.Equal(2, ((InvalidRequestMonitor)harness.Services.GetService(typeof(InvalidRequestMonitor))!).Count);
    }

    [Fact]
    public async Task Requests_and_rate_limit_waits_are_measured_on_the_SeedreamBot_Discord_meter()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        var meter = harness.Metrics;
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests run their own meters with the same name at the same time: listen to this one only.
            if (instrument.Meter.Name == DiscordRestMetrics.MeterName && ReferenceEquals(instrument.Meter, meter.Meter))
            {
                l.EnableMeasurementEvents(instrument, meter);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            if (ReferenceEquals(state, meter))
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
                }
            }
        });
        listener.Start();
        harness.Server.RateLimits.Inject("POST /channels/{channel_id}/messages", FakeRateLimitScope.User, TimeSpan.FromMilliseconds(50));

        await harness.Client.CreateMessageAsync(10, new MessageCreate { Content = "a" });

        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Instrument == "discord.rest.requests" && (int)m.Tags["status"]! == 429 && (string)m.Tags["route"]! == "/channels/{channel_id}/messages");
            Assert.Contains(measurements, m => m.Instrument == "discord.rest.requests" && (int)m.Tags["status"]! == 200);
            Assert.Contains(measurements, m => m.Instrument == "discord.rest.rate_limited" && (string)m.Tags["scope"]! == "user");
            Assert.Contains(measurements, m => m.Instrument == "discord.rest.rate_limit.waits" && (string)m.Tags["scope"]! == "bucket");
        }
    }
}
