using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Several shards in one process, started by Discord's identify rules.</summary>
public sealed class GatewayShardingTests
{
    [Fact]
    public async Task Two_shards_identify_with_their_shard_pair_and_receive_their_guilds_events()
    {
        await using var harness = await GatewayHarness.StartAsync(fake =>
        {
            fake.RecommendedShards = 2;
            fake.MaxConcurrency = 1;
        });
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready, count: 2);
        await harness.Gateway.WaitUntilReadyAsync(CancellationToken.None);

        // (guild_id >> 22) % 2 picks the shard.
        const ulong guildOnShard0 = 4UL << 22;
        const ulong guildOnShard1 = 7UL << 22;
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, GatewayReconnectTests.Interaction("g0"), guildOnShard0, CancellationToken.None);
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, GatewayReconnectTests.Interaction("g1"), guildOnShard1, CancellationToken.None);
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, GatewayReconnectTests.Interaction("dm"), guildId: null, CancellationToken.None);
        var interactions = await harness.Events.WaitForEventAsync(GatewayEventNames.InteractionCreate, count: 3);

        Assert.Equal(0, interactions.Single(d => GatewayReconnectTests.Marker(d) == "g0").ShardId);
        Assert.Equal(1, interactions.Single(d => GatewayReconnectTests.Marker(d) == "g1").ShardId);
        Assert.Equal(0, interactions.Single(d => GatewayReconnectTests.Marker(d) == "dm").ShardId);
        Assert.Equal(["[0,2]", "[1,2]"], IdentifiedShards(harness));
        Assert.Equal(0, harness.Fake.IdentifyRateViolations);
        var status = harness.Gateway.GetStatus();
        Assert.Equal([0, 1], status.Shards.Select(s => s.ShardId));
        Assert.All(status.Shards, s => Assert.Equal(2, s.ShardCount));
        Assert.True(status.IsConnected);
        Assert.Equal(2, status.ConnectedShards);
    }

    [Fact]
    public async Task An_identify_slowed_on_the_way_is_not_followed_within_the_window_by_the_next_shard_of_its_bucket()
    {
        // The first Identify is held on the way until a second one overtakes it (or 300 ms pass). A client that spaced
        // identifies from its own send time would send the second 50 ms after the first, and the gateway would see
        // both at once; a client that waits for the gateway's answer to the first cannot be overtaken.
        var overtaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrivals = 0;
        await using var harness = await GatewayHarness.StartAsync(fake =>
        {
            fake.RecommendedShards = 2;
            fake.MaxConcurrency = 1;
            fake.IdentifyInTransit = async (_, cancellationToken) =>
            {
                if (Interlocked.Increment(ref arrivals) == 1)
                {
                    await Task.WhenAny(overtaken.Task, Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken));
                }
                else
                {
                    overtaken.TrySetResult();
                }
            };
        });
        await harness.Gateway.WaitUntilReadyAsync(CancellationToken.None);

        Assert.Equal(0, harness.Fake.IdentifyRateViolations);
        Assert.Equal(["[0,2]", "[1,2]"], IdentifiedShards(harness));
        Assert.All(harness.Gateway.GetStatus().Shards, s => Assert.Equal(1, s.IdentifyCount));
    }

    [Fact]
    public async Task A_configured_shard_subset_runs_only_those_shards()
    {
        await using var harness = await GatewayHarness.StartAsync(
            fake => fake.MaxConcurrency = 4,
            discord: options => options.ShardCount = 4,
            client: options => options.ShardIds = [1, 3]);
        await harness.Gateway.WaitUntilReadyAsync(CancellationToken.None);

        Assert.Equal(["[1,4]", "[3,4]"], IdentifiedShards(harness));
        Assert.Equal([1, 3], harness.Gateway.GetStatus().Shards.Select(s => s.ShardId));
    }

    [Fact]
    public async Task Shards_sharing_a_bucket_identify_one_after_another_and_a_reconnect_keeps_its_shard()
    {
        await using var harness = await GatewayHarness.StartAsync(fake =>
        {
            fake.RecommendedShards = 3;
            fake.MaxConcurrency = 1;
        });
        await harness.Gateway.WaitUntilReadyAsync(CancellationToken.None);

        await harness.Fake.CloseAsync(GatewayCloseCodes.SessionTimedOut, "", shardId: 2);
        await harness.Fake.WaitForIdentifyAsync(shardId: 2, count: 2);
        await harness.Fake.DispatchAsync("GUILD_UPDATE", new JsonObject { ["id"] = (2UL << 22).ToString(System.Globalization.CultureInfo.InvariantCulture) }, 2UL << 22, CancellationToken.None);
        var update = await harness.Events.WaitForEventAsync("GUILD_UPDATE");

        Assert.Equal(2, update[0].ShardId);
        Assert.Equal(0, harness.Fake.IdentifyRateViolations);
        Assert.Equal(4, harness.Fake.IdentifyPayloads.Count);
    }

    private static IEnumerable<string> IdentifiedShards(GatewayHarness harness) =>
        harness.Fake.IdentifyPayloads.Select(p => p["shard"]!.ToJsonString()).Order(StringComparer.Ordinal);
}
