using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Every way Discord breaks a connection, over a real socket against the fake gateway.</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task A_dropped_connection_resumes_and_the_event_missed_meanwhile_arrives_exactly_once()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, Interaction("before"), guildId: null, CancellationToken.None);
        await harness.Events.WaitForAsync(d => Marker(d) == "before");

        await harness.Fake.DropAsync();
        // The session has no live connection now: this event can only reach the bot through the replay.
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, Interaction("while-down"), guildId: null, CancellationToken.None);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Resumed);
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, Interaction("after"), guildId: null, CancellationToken.None);
        await harness.Events.WaitForAsync(d => Marker(d) == "after");

        Assert.Equal(["before", "while-down", "after"], harness.Events.Named(GatewayEventNames.InteractionCreate).Select(Marker));
        var stats = harness.Fake.GetShardStats();
        Assert.Equal(1, stats.Identifies);
        Assert.Equal(1, stats.Resumes);
        Assert.Equal(1, stats.Replayed);
        Assert.True(harness.Fake.Connections[1].ViaResumeUrl, "The resume must connect to resume_gateway_url.");
        Assert.Equal("?resume=1&v=10&encoding=json", harness.Fake.Connections[1].QueryString);
        var status = harness.Gateway.GetStatus().Shards.Single();
        Assert.Equal((1, 1, 0L), (status.ResumeCount, status.ReconnectCount, status.IdentifyCount - 1));
        Assert.True(status.IsConnected);
    }

    [Fact]
    public async Task Reconnect_opcode_closes_without_1000_and_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.SendReconnectAsync();
        await harness.Fake.WaitForResumeAsync();

        Assert.Equal(1, harness.Fake.GetShardStats().Identifies);
        Assert.Equal(GatewayCloseCodes.ReconnectClosure, harness.Fake.Connections[0].ClientCloseCode);
        Assert.True(harness.Fake.Connections[1].ViaResumeUrl);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Resumed);
    }

    [Fact]
    public async Task Invalid_session_that_may_be_resumed_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.SendInvalidSessionAsync(resumable: true);
        await harness.Fake.WaitForResumeAsync();

        Assert.Equal(1, harness.Fake.GetShardStats().Identifies);
        Assert.Equal(0, harness.Fake.GetShardStats().RejectedResumes);
    }

    [Fact]
    public async Task Invalid_session_that_may_not_be_resumed_identifies_afresh_after_the_wait()
    {
        var wait = TimeSpan.FromMilliseconds(300);
        var timings = new GatewayTimings
        {
            IdentifyInterval = GatewayHarness.FastTimings.IdentifyInterval,
            InvalidSessionMinDelay = wait,
            InvalidSessionMaxDelay = wait,
        };
        await using var harness = await GatewayHarness.StartAsync(timings: timings);
        var ready = await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        Assert.True(ready[0].TryReadReady(out var first));

        var invalidatedAt = TimeProvider.System.GetTimestamp();
        await harness.Fake.SendInvalidSessionAsync(resumable: false);
        await harness.Fake.WaitForIdentifyAsync(count: 2);
        var waited = TimeProvider.System.GetElapsedTime(invalidatedAt);

        // Timers may fire a hair early against the stopwatch; a client that skipped the wait would be ~250 ms early.
        Assert.True(waited >= wait - TimeSpan.FromMilliseconds(20), $"Identified again after {waited}, before Discord's wait of {wait}.");
        var stats = harness.Fake.GetShardStats();
        Assert.Equal((0, 0), (stats.Resumes, stats.RejectedResumes));
        var readies = await harness.Events.WaitForEventAsync(GatewayEventNames.Ready, count: 2);
        Assert.True(readies[1].TryReadReady(out var second));
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(1, harness.Gateway.GetStatus().Shards[0].LastSequence);
    }

    [Theory]
    [InlineData(GatewayCloseCodes.SessionTimedOut)]
    [InlineData(GatewayCloseCodes.InvalidSequence)]
    public async Task Close_codes_that_end_the_session_start_a_new_one(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.CloseAsync(code, "Session timed out.");
        await harness.Fake.WaitForIdentifyAsync(count: 2);

        var stats = harness.Fake.GetShardStats();
        Assert.Equal((0, 0), (stats.Resumes, stats.RejectedResumes));
        Assert.False(harness.Fake.Connections[1].ViaResumeUrl, "A new session starts on the gateway URL, not the resume URL.");
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready, count: 2);
    }

    [Theory]
    [InlineData(GatewayCloseCodes.UnknownError)]
    [InlineData(GatewayCloseCodes.RateLimited)]
    [InlineData(GatewayCloseCodes.NormalClosure)]
    public async Task Resumable_close_codes_resume(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.CloseAsync(code, "Closed by the test.");
        await harness.Fake.WaitForResumeAsync();

        Assert.Equal(1, harness.Fake.GetShardStats().Identifies);
    }

    [Fact]
    public async Task A_zombie_connection_is_detected_closed_without_1000_and_resumed()
    {
        // Long enough that a loaded machine never delays an ACK past the next beat before the fake stops answering
        // (a false zombie would reconnect before the test could pick the connection to starve).
        await using var harness = await GatewayHarness.StartAsync(fake => fake.HeartbeatInterval = TimeSpan.FromMilliseconds(1500));
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        await harness.Fake.WaitForHeartbeatAcksAsync();

        harness.Fake.StopAckingHeartbeats();
        await harness.Fake.WaitForResumeAsync();

        Assert.Equal(1, harness.Fake.GetShardStats().Identifies);
        Assert.NotEqual(GatewayCloseCodes.NormalClosure, harness.Fake.Connections[0].ClientCloseCode);
        Assert.Contains(harness.Logs.Entries, log => log.Message.Contains("zombie", StringComparison.Ordinal));
        // The new connection is healthy: ACKs flow again and the status shows it.
        var acks = harness.Fake.GetShardStats().HeartbeatAcks;
        await harness.Fake.WaitForHeartbeatAcksAsync(count: acks + 1);
        await harness.WaitForStatusAsync(s => s.IsConnected && s.Shards[0].Latency is not null, "connected with a latency");
    }

    [Fact]
    public async Task A_resume_the_gateway_rejects_falls_back_to_a_new_session()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        // The session times out on Discord's side while the bot is away: the resume gets op 9 false.
        harness.Fake.ExpireSession();
        await harness.Fake.DropAsync();
        await harness.Fake.WaitForIdentifyAsync(count: 2);

        var stats = harness.Fake.GetShardStats();
        Assert.Equal((1, 0), (stats.RejectedResumes, stats.Resumes));
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready, count: 2);
    }

    [Fact]
    public async Task Reconnect_metrics_and_status_count_each_resume()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.SendReconnectAsync();
        await harness.Fake.WaitForResumeAsync(count: 1);
        await harness.Fake.SendReconnectAsync();
        await harness.Fake.WaitForResumeAsync(count: 2);

        await harness.WaitForStatusAsync(s => s.Shards[0].ResumeCount == 2, "two resumes");
        var status = harness.Gateway.GetStatus().Shards[0];
        Assert.Equal(2, status.ReconnectCount);
        Assert.Equal(1, status.IdentifyCount);
        Assert.NotNull(status.SessionId);
    }

    [Fact]
    public async Task Repeated_connection_failures_back_off_and_a_new_gateway_url_is_picked_up_when_it_works()
    {
        var timings = new GatewayTimings
        {
            IdentifyInterval = GatewayHarness.FastTimings.IdentifyInterval,
            GatewayInfoMaxAge = TimeSpan.FromMilliseconds(50),
        };
        await using var harness = await GatewayHarness.StartAsync(timings: timings, start: false);
        var working = harness.Host.InfoSource.Url;
        harness.Host.InfoSource.Url = new Uri($"ws://127.0.0.1:{UnusedPort()}/gateway");

        harness.Gateway.Start();
        await harness.WaitForStatusAsync(s => s.Shards.Count == 1 && s.Shards[0].ReconnectCount >= 4, "four failed attempts");
        harness.Host.InfoSource.Url = working;
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        var backoffs = harness.Logs.Entries.Where(l => l.Message.Contains("reconnects in", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        for (var failures = 1; failures <= 4; failures++)
        {
            Assert.Contains(backoffs, m => m.EndsWith($"consecutive failed attempts: {failures}).", StringComparison.Ordinal));
        }

        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Single(harness.Fake.IdentifyPayloads);
    }

    internal static JsonObject Interaction(string marker) => new()
    {
        ["id"] = "1200000000000000001",
        ["application_id"] = "1100000000000000001",
        ["type"] = 2,
        ["token"] = "interaction-token",
        ["version"] = 1,
        ["data"] = new JsonObject { ["name"] = marker },
    };

    internal static string? Marker(GatewayDispatch dispatch) =>
        dispatch.EventName == GatewayEventNames.InteractionCreate && dispatch.Data.TryGetProperty("data", out var data)
            ? data.GetProperty("name").GetString()
            : null;

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
