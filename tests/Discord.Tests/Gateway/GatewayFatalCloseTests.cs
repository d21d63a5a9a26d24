using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// Close codes after which reconnecting cannot help: the shard must stop, say why once, and never loop. "Never loops"
/// is asserted once the gateway's run has ended (after it nothing can connect), not after some time of quiet.
/// </summary>
public sealed class GatewayFatalCloseTests
{
    /// <summary>A safety net for a shard that keeps running: it fails the test, it is no expectation of speed.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_rejected_token_stops_the_shard_after_one_connection_with_one_clear_message()
    {
        await using var harness = await GatewayHarness.StartAsync(fake => fake.Token = "a-different-token");

        var fatal = await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await harness.Gateway.Completion.WaitAsync(StopTimeout);

        Assert.Equal(GatewayCloseCodes.AuthenticationFailed, fatal.CloseCode);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Single(harness.Fake.IdentifyPayloads);
        var critical = Assert.Single(harness.Logs.Entries, log => log.Level == LogLevel.Critical);
        Assert.Contains("Discord rejected the bot token (4004 Authentication failed)", critical.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__Token", critical.Message, StringComparison.Ordinal);
        var status = harness.Gateway.GetStatus();
        Assert.Equal(GatewayConnectionState.Faulted, status.Shards[0].State);
        Assert.Equal(fatal, status.FatalError);
        Assert.Equal(fatal, status.Shards[0].FatalError);
        var wait = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Gateway.WaitUntilReadyAsync(CancellationToken.None));
        Assert.Equal(fatal.Message, wait.Message);
    }

    [Fact]
    public async Task Disallowed_privileged_intents_stop_the_shard_and_name_the_fix()
    {
        const int guildMembers = 1 << 1;
        await using var harness = await GatewayHarness.StartAsync(discord: options => options.Intents = guildMembers);

        var fatal = await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await harness.Gateway.Completion.WaitAsync(StopTimeout);

        Assert.Equal(GatewayCloseCodes.DisallowedIntents, fatal.CloseCode);
        Assert.Contains("Privileged Gateway Intents", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:Intents", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Single(harness.Logs.Entries, log => log.Level == LogLevel.Critical);
    }

    [Theory]
    [InlineData(GatewayCloseCodes.InvalidShard)]
    [InlineData(GatewayCloseCodes.ShardingRequired)]
    [InlineData(GatewayCloseCodes.InvalidApiVersion)]
    [InlineData(GatewayCloseCodes.InvalidIntents)]
    public async Task Every_fatal_close_code_stops_the_shard_even_after_a_session(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.CloseAsync(code, "Fatal for the test.");
        var fatal = await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await harness.Gateway.Completion.WaitAsync(StopTimeout);

        Assert.Equal(code, fatal.CloseCode);
        Assert.Contains($"({code} ", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Equal(GatewayConnectionState.Faulted, harness.Gateway.GetStatus().Shards[0].State);
    }

    [Fact]
    public async Task Sharding_required_by_the_fake_is_fatal_with_the_shard_count_in_the_message()
    {
        await using var harness = await GatewayHarness.StartAsync(fake => fake.RequiredShards = 2);

        var fatal = await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await harness.Gateway.Completion.WaitAsync(StopTimeout);

        Assert.Equal(GatewayCloseCodes.ShardingRequired, fatal.CloseCode);
        Assert.Contains("Discord:ShardCount", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task Shard_ids_beyond_the_shard_count_fault_before_connecting()
    {
        await using var harness = await GatewayHarness.StartAsync(client: options => options.ShardIds = [0, 3]);

        var fatal = await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await harness.Gateway.Completion.WaitAsync(StopTimeout);

        Assert.Equal(GatewayCloseCodes.InvalidShard, fatal.CloseCode);
        Assert.Contains("Discord:ShardIds lists shard 3", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Fake.ConnectionCount);
    }
}
