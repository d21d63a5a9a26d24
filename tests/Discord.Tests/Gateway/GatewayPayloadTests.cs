using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>What goes over the wire: Identify as Discord documents it, size limits, multi-frame messages, typed events.</summary>
public sealed class GatewayPayloadTests
{
    [Fact]
    public async Task Identify_carries_the_raw_token_the_configured_intents_and_our_properties()
    {
        await using var harness = await GatewayHarness.StartAsync(
            discord: options =>
            {
                options.Token = "Bot " + GatewayHarness.Token; // A pasted prefix must not reach Identify.
                options.Intents = 1 | (1 << 9);
            });
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        var identify = Assert.Single(harness.Fake.IdentifyPayloads);
        Assert.Equal(GatewayHarness.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(1 | (1 << 9), identify["intents"]!.GetValue<int>());
        var properties = identify["properties"]!.AsObject();
        Assert.Equal("SeedreamBot", properties["browser"]!.GetValue<string>());
        Assert.Equal("SeedreamBot", properties["device"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(properties["os"]!.GetValue<string>()));
        Assert.False(identify.ContainsKey("shard"), "An unsharded bot omits shard.");
        Assert.Equal("?v=10&encoding=json", harness.Fake.Connections[0].QueryString);
    }

    [Fact]
    public async Task A_presence_over_4096_bytes_is_refused_locally_and_a_normal_one_is_sent()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Gateway.WaitUntilReadyAsync(CancellationToken.None);

        var huge = GatewayPresence.Online(GatewayActivityType.Watching, new string('x', 5000));
        var refused = await Assert.ThrowsAsync<GatewayPayloadTooLargeException>(() => harness.Gateway.UpdatePresenceAsync(huge, CancellationToken.None));
        Assert.Equal(GatewayOpCode.PresenceUpdate, refused.Op);
        Assert.True(refused.Size > 4096);

        await harness.Gateway.UpdatePresenceAsync(GatewayPresence.Online(GatewayActivityType.Watching, "/imagine"), CancellationToken.None);
        await harness.Fake.WaitUntilAsync(() => harness.Fake.ReceivedPayloads.Any(p => p["op"]!.GetValue<int>() == 3), "a presence update");

        var presence = Assert.Single(harness.Fake.ReceivedPayloads, p => p["op"]!.GetValue<int>() == 3)["d"]!.AsObject();
        Assert.Equal("online", presence["status"]!.GetValue<string>());
        Assert.Equal("/imagine", presence["activities"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(3, presence["activities"]![0]!["type"]!.GetValue<int>());
        Assert.True(presence.ContainsKey("since"), "since is required (nullable) in a presence update.");
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task A_presence_set_before_start_is_part_of_identify_and_survives_a_new_session()
    {
        await using var harness = await GatewayHarness.StartAsync(start: false);
        await harness.Gateway.UpdatePresenceAsync(
            new GatewayPresence(GatewayUserStatus.Idle, [new GatewayActivity("Custom Status", GatewayActivityType.Custom, State: "Rendering")]),
            CancellationToken.None);
        harness.Gateway.Start();
        await harness.Fake.WaitForIdentifyAsync();
        await harness.Fake.CloseAsync(GatewayCloseCodes.SessionTimedOut);
        await harness.Fake.WaitForIdentifyAsync(count: 2);

        Assert.All(harness.Fake.IdentifyPayloads, identify =>
        {
            Assert.Equal("idle", identify["presence"]!["status"]!.GetValue<string>());
            Assert.Equal("Rendering", identify["presence"]!["activities"]![0]!["state"]!.GetValue<string>());
        });
        Assert.DoesNotContain(harness.Fake.ReceivedPayloads, p => p["op"]!.GetValue<int>() == 3);
    }

    [Fact]
    public async Task Messages_split_over_many_frames_are_read_whole()
    {
        await using var harness = await GatewayHarness.StartAsync(fake => fake.MaxFrameBytes = 7);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        var big = new JsonObject { ["blob"] = new string('z', 100_000) };
        await harness.Fake.DispatchAsync("BIG_EVENT", big, guildId: null, CancellationToken.None);
        var received = await harness.Events.WaitForEventAsync("BIG_EVENT");

        Assert.Equal(100_000, received[0].Data.GetProperty("blob").GetString()!.Length);
    }

    [Fact]
    public async Task Ready_and_guild_create_read_as_typed_events()
    {
        await using var harness = await GatewayHarness.StartAsync(
            fake => fake.Guilds.Add(new FakeGuild(1_200_000_000_000_000_777, "Pixel Lab", 42)),
            discord: options => options.Intents = 1);

        var ready = await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        var guild = await harness.Events.WaitForEventAsync(GatewayEventNames.GuildCreate);

        Assert.True(ready[0].TryReadReady(out var readyEvent));
        Assert.Equal(10, readyEvent.V);
        Assert.Equal(harness.Fake.Options.ApplicationId, readyEvent.Application.Id);
        Assert.Equal(harness.Fake.Options.ApplicationId, readyEvent.User.Id);
        Assert.True(readyEvent.User.Bot);
        Assert.Equal(harness.Fake.ResumeGatewayUrl, readyEvent.ResumeGatewayUrl);
        Assert.Equal(1_200_000_000_000_000_777UL, Assert.Single(readyEvent.Guilds).Id);
        Assert.Equal(readyEvent.SessionId, harness.Gateway.GetStatus().Shards[0].SessionId);
        Assert.False(ready[0].TryReadGuildCreate(out _));
        Assert.True(guild[0].TryReadGuildCreate(out var created));
        Assert.Equal((1_200_000_000_000_000_777UL, "Pixel Lab", false, 42), (created.Id, created.Name, created.Unavailable, created.MemberCount));
        Assert.Equal(2, guild[0].Sequence);
    }

    [Fact]
    public async Task No_log_line_ever_contains_the_token()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        await harness.Fake.RequestHeartbeatAsync();
        await harness.Fake.WaitForHeartbeatAcksAsync();
        await harness.Fake.DropAsync();
        await harness.Fake.WaitForResumeAsync();
        await harness.Fake.SendInvalidSessionAsync(resumable: false);
        await harness.Fake.WaitForIdentifyAsync(count: 2);
        await harness.Fake.CloseAsync(GatewayCloseCodes.AuthenticationFailed);
        await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.All(harness.Logs.Entries, log =>
        {
            Assert.DoesNotContain(GatewayHarness.Token, log.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(GatewayHarness.Token, log.Exception?.ToString() ?? "", StringComparison.Ordinal);
        });
        Assert.DoesNotContain(GatewayHarness.Token, harness.Discord.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayHarness.Token, harness.Gateway.GetStatus().ToString(), StringComparison.Ordinal);
    }
}
