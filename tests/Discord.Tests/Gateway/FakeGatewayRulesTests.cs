using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// The fake gateway's own rules, checked with a bare socket: a fake that let mistakes through would hide them in
/// every other test.
/// </summary>
public sealed class FakeGatewayRulesTests
{
    private const string Token = "rules-token";

    [Fact]
    public async Task Hello_carries_the_interval_heartbeats_are_acked_and_identify_gets_ready()
    {
        await using var host = await Host(options => options.HeartbeatInterval = TimeSpan.FromMilliseconds(1234));
        await using var client = await FakeGatewayClient.ConnectAsync(host.Url);

        var hello = await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        var ack = await client.ReceiveAsync();
        await client.SendAsync(FakeGatewayClient.Identify(Token));
        var ready = await client.ReceiveUntilAsync(0, "READY");

        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(1234, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
        Assert.Equal(11, ack!["op"]!.GetValue<int>());
        Assert.Equal(1, ready!["s"]!.GetValue<int>());
        Assert.Equal(host.Gateway.ResumeGatewayUrl, ready["d"]!["resume_gateway_url"]!.GetValue<string>());
        Assert.StartsWith("fake-session-", ready["d"]!["session_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(999, host.Gateway.DescribeForGatewayBot()["session_start_limit"]!["remaining"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}""", 4003)]
    [InlineData("""{"op":99,"d":null}""", 4001)]
    [InlineData("""this is not json""", 4002)]
    [InlineData("""{"op":2,"d":{"token":"rules-token","intents":0}}""", 4002)]
    [InlineData("""{"op":2,"d":{"token":"Bot rules-token","intents":0,"properties":{"os":"l","browser":"b","device":"d"}}}""", 4004)]
    [InlineData("""{"op":2,"d":{"token":"rules-token","intents":0,"properties":{"os":"l","browser":"b","device":"d"},"shard":[2,2]}}""", 4010)]
    [InlineData("""{"op":2,"d":{"token":"rules-token","intents":4194304,"properties":{"os":"l","browser":"b","device":"d"}}}""", 4013)]
    [InlineData("""{"op":2,"d":{"token":"rules-token","intents":32768,"properties":{"os":"l","browser":"b","device":"d"}}}""", 4014)]
    public async Task Payloads_Discord_refuses_close_the_connection_with_Discords_code(string payload, int expectedCode)
    {
        await using var host = await Host();
        await using var client = await FakeGatewayClient.ConnectAsync(host.Url);
        await client.ReceiveAsync();

        await client.SendRawAsync(payload);

        Assert.Null(await client.ReceiveUntilAsync(-1));
        Assert.Equal(expectedCode, (int?)client.CloseStatus);
    }

    [Fact]
    public async Task A_payload_over_4096_bytes_is_a_decode_error()
    {
        await using var host = await Host();
        await using var client = await FakeGatewayClient.ConnectAsync(host.Url);
        await client.ReceiveAsync();

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null, ["padding"] = new string('p', 4100) });

        Assert.Null(await client.ReceiveUntilAsync(-1));
        Assert.Equal(4002, (int?)client.CloseStatus);
    }

    [Fact]
    public async Task A_second_identify_on_one_connection_is_refused_with_4005()
    {
        await using var host = await Host();
        await using var client = await FakeGatewayClient.ConnectAsync(host.Url);
        await client.ReceiveAsync();
        await client.SendAsync(FakeGatewayClient.Identify(Token));
        await client.ReceiveUntilAsync(0, "READY");

        await client.SendAsync(FakeGatewayClient.Identify(Token));

        Assert.Null(await client.ReceiveUntilAsync(-1));
        Assert.Equal(4005, (int?)client.CloseStatus);
    }

    [Fact]
    public async Task A_second_identify_in_the_same_bucket_within_the_window_gets_invalid_session()
    {
        await using var host = await Host(options => options.IdentifyWindow = TimeSpan.FromMinutes(5));
        await using var first = await FakeGatewayClient.ConnectAsync(host.Url);
        await first.ReceiveAsync();
        await first.SendAsync(FakeGatewayClient.Identify(Token));
        await first.ReceiveUntilAsync(0, "READY");
        await using var second = await FakeGatewayClient.ConnectAsync(host.Url);
        await second.ReceiveAsync();

        await second.SendAsync(FakeGatewayClient.Identify(Token));
        var invalid = await second.ReceiveUntilAsync(9);

        Assert.False(invalid!["d"]!.GetValue<bool>());
        Assert.Equal(1, host.Gateway.IdentifyRateViolations);
    }

    [Fact]
    public async Task Resume_replays_what_the_session_missed_and_refuses_unknown_sessions_and_future_sequences()
    {
        await using var host = await Host();
        string sessionId;
        await using (var first = await FakeGatewayClient.ConnectAsync(host.Url))
        {
            await first.ReceiveAsync();
            await first.SendAsync(FakeGatewayClient.Identify(Token));
            sessionId = (await first.ReceiveUntilAsync(0, "READY"))!["d"]!["session_id"]!.GetValue<string>();
            await host.Gateway.DropAsync();
        }

        await host.Gateway.DispatchAsync("MISSED", new JsonObject { ["n"] = 1 }, null, CancellationToken.None);
        await using var resumed = await FakeGatewayClient.ConnectAsync(host.Url, "?resume=1&v=10&encoding=json");
        await resumed.ReceiveAsync();
        await resumed.SendAsync(Resume(sessionId, 1));
        var missed = await resumed.ReceiveAsync();
        var resumedEvent = await resumed.ReceiveAsync();

        Assert.Equal(("MISSED", 2), (missed!["t"]!.GetValue<string>(), missed["s"]!.GetValue<int>()));
        Assert.Equal(("RESUMED", 3), (resumedEvent!["t"]!.GetValue<string>(), resumedEvent["s"]!.GetValue<int>()));
        Assert.True(host.Gateway.Connections[1].ViaResumeUrl);

        await using var unknown = await FakeGatewayClient.ConnectAsync(host.Url);
        await unknown.ReceiveAsync();
        await unknown.SendAsync(Resume("no-such-session", 1));
        Assert.False((await unknown.ReceiveUntilAsync(9))!["d"]!.GetValue<bool>());

        await using var future = await FakeGatewayClient.ConnectAsync(host.Url);
        await future.ReceiveAsync();
        await future.SendAsync(Resume(sessionId, 99));
        Assert.False((await future.ReceiveUntilAsync(9))!["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_clean_1000_close_ends_the_session_so_it_cannot_be_resumed()
    {
        await using var host = await Host();
        string sessionId;
        await using (var first = await FakeGatewayClient.ConnectAsync(host.Url))
        {
            await first.ReceiveAsync();
            await first.SendAsync(FakeGatewayClient.Identify(Token));
            sessionId = (await first.ReceiveUntilAsync(0, "READY"))!["d"]!["session_id"]!.GetValue<string>();
        }

        await host.Gateway.WaitUntilAsync(() => !host.Gateway.Connections[0].Open, "the first connection closing");
        await using var again = await FakeGatewayClient.ConnectAsync(host.Url);
        await again.ReceiveAsync();
        await again.SendAsync(Resume(sessionId, 1));

        Assert.False((await again.ReceiveUntilAsync(9))!["d"]!.GetValue<bool>());
        Assert.Equal(1000, host.Gateway.Connections[0].ClientCloseCode);
    }

    [Fact]
    public async Task Events_route_by_guild_shard_and_the_budget_is_reported_and_enforced()
    {
        await using var host = await Host(options =>
        {
            options.SessionStartRemaining = 2;
            options.MaxConcurrency = 2;
            options.RecommendedShards = 2;
        });
        await using var shard0 = await Identified(host, [0, 2]);
        await using var shard1 = await Identified(host, [1, 2]);

        await host.Gateway.DispatchAsync("ODD", new JsonObject(), 3UL << 22, CancellationToken.None);
        await host.Gateway.DispatchAsync("DM", new JsonObject(), null, CancellationToken.None);

        Assert.Equal("ODD", (await shard1.ReceiveUntilAsync(0))!["t"]!.GetValue<string>());
        Assert.Equal("DM", (await shard0.ReceiveUntilAsync(0))!["t"]!.GetValue<string>());
        var limit = host.Gateway.DescribeForGatewayBot();
        Assert.Equal((2, 0, 2), (limit["shards"]!.GetValue<int>(), limit["session_start_limit"]!["remaining"]!.GetValue<int>(), limit["session_start_limit"]!["max_concurrency"]!.GetValue<int>()));

        await using var overBudget = await FakeGatewayClient.ConnectAsync(host.Url);
        await overBudget.ReceiveAsync();
        await overBudget.SendAsync(FakeGatewayClient.Identify(Token, shard: [0, 2]));
        Assert.Null(await overBudget.ReceiveUntilAsync(-1));
        Assert.Equal(4004, (int?)overBudget.CloseStatus);
        Assert.Equal(1, host.Gateway.BudgetViolations);
    }

    private static async Task<FakeGatewayClient> Identified(FakeGatewayHost host, JsonArray shard)
    {
        var client = await FakeGatewayClient.ConnectAsync(host.Url);
        await client.ReceiveAsync();
        await client.SendAsync(FakeGatewayClient.Identify(Token, shard: shard));
        await client.ReceiveUntilAsync(0, "READY");
        return client;
    }

    private static JsonObject Resume(string sessionId, int seq) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = Token, ["session_id"] = sessionId, ["seq"] = seq },
    };

    private static Task<FakeGatewayHost> Host(Action<FakeGatewayOptions>? configure = null)
    {
        // No identify window unless a test asks for one: these clients identify one after another without waiting,
        // and however fast a machine is, a rule test must not turn into a rate-limit test.
        var options = new FakeGatewayOptions { Token = Token, IdentifyWindow = TimeSpan.Zero };
        configure?.Invoke(options);
        return FakeGatewayHost.StartAsync(options);
    }
}
