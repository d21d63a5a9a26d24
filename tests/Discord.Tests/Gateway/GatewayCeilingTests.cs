using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// Memory stays bounded whatever Discord sends (a message over Discord:MaxGatewayMessageBytes is dropped by closing
/// and resuming past it), and a token GET /gateway/bot refuses ends the gateway at once, like 4004.
/// </summary>
public sealed class GatewayCeilingTests
{
    [Fact]
    public async Task An_oversized_message_is_not_buffered_the_connection_resumes_past_it_and_later_events_arrive()
    {
        await using var harness = await GatewayHarness.StartAsync(client: options => options.MaxGatewayMessageBytes = 64 * 1024);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.DispatchAsync("GUILD_MEMBERS_CHUNK", new JsonObject { ["id"] = "1", ["blob"] = new string('x', 200 * 1024) }, guildId: null, CancellationToken.None);
        await harness.Fake.WaitForResumeAsync();
        await harness.Fake.DispatchAsync(GatewayEventNames.InteractionCreate, GatewayReconnectTests.Interaction("after"), guildId: null, CancellationToken.None);
        await harness.Events.WaitForAsync(dispatch => GatewayReconnectTests.Marker(dispatch) == "after");

        Assert.Empty(harness.Events.Named("GUILD_MEMBERS_CHUNK"));
        var stats = harness.Fake.GetShardStats();
        Assert.Equal(1, stats.Identifies);
        Assert.Equal(0, stats.Replayed);
        Assert.Equal(GatewayCloseCodes.ReconnectClosure, harness.Fake.Connections[0].ClientCloseCode);
        Assert.Contains(harness.Logs.Entries, entry => entry.Message.Contains("dropped a GUILD_MEMBERS_CHUNK message (sequence ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_event_name_and_sequence_are_read_from_the_start_of_a_message_when_they_come_before_the_data()
    {
        var start = Encoding.UTF8.GetBytes("""{"t":"GUILD_CREATE","s":42,"op":0,"d":{"id":"1","members":[{"user":""");
        Assert.Equal(("GUILD_CREATE", (int?)42), GatewayMessageTooLargeException.Peek(start));

        var dataFirst = Encoding.UTF8.GetBytes("""{"op":0,"d":{"id":"1","members":[{"user":""");
        Assert.Equal(((string?)null, (int?)null), GatewayMessageTooLargeException.Peek(dataFirst));

        Assert.Equal(((string?)null, (int?)null), GatewayMessageTooLargeException.Peek("not json"u8));
    }

    [Fact]
    public async Task A_token_refused_by_GET_gateway_bot_faults_the_gateway_at_once_like_4004()
    {
        var source = new RefusingInfoSource();
        await using var gateway = new DiscordGateway(
            source,
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = GatewayHarness.Token }),
            Microsoft.Extensions.Options.Options.Create(new DiscordGatewayOptions { ReconnectDelay = TimeSpan.FromMilliseconds(10) }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            TimeProvider.System,
            GatewayHarness.FastTimings);

        gateway.Start();
        var fatal = await gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(GatewayCloseCodes.AuthenticationFailed, fatal.CloseCode);
        Assert.Contains("Discord rejected the bot token", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, source.Calls);
    }

    private sealed class RefusingInfoSource : IGatewayInfoSource
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<GatewayInfo> GetGatewayInfoAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new DiscordHttpException(HttpStatusCode.Unauthorized, DiscordErrorCode.None, "401: Unauthorized", [], "GET", "/gateway/bot");
        }
    }
}
