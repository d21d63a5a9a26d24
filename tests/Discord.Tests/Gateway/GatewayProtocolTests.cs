using System.Text;
using System.Text.Json;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Close-code policy, connect URLs and payload encoding.</summary>
public sealed class GatewayProtocolTests
{
    [Theory]
    [InlineData(null, GatewayCloseAction.Resume)]
    [InlineData(1000, GatewayCloseAction.Resume)]
    [InlineData(1001, GatewayCloseAction.Resume)]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4001, GatewayCloseAction.Resume)]
    [InlineData(4002, GatewayCloseAction.Resume)]
    [InlineData(4003, GatewayCloseAction.Resume)]
    [InlineData(4005, GatewayCloseAction.Resume)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(4007, GatewayCloseAction.NewSession)]
    [InlineData(4009, GatewayCloseAction.NewSession)]
    [InlineData(4004, GatewayCloseAction.Fatal)]
    [InlineData(4010, GatewayCloseAction.Fatal)]
    [InlineData(4011, GatewayCloseAction.Fatal)]
    [InlineData(4012, GatewayCloseAction.Fatal)]
    [InlineData(4013, GatewayCloseAction.Fatal)]
    [InlineData(4014, GatewayCloseAction.Fatal)]
    public void Close_codes_follow_Discords_reconnect_table(int? code, GatewayCloseAction expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
        Assert.Equal(expected == GatewayCloseAction.Fatal, GatewayCloseCodes.DescribeFatal(code ?? 0, 0, 1, 0) is not null);
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-b.discord.gg/", "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/?v=9&encoding=etf&compress=zlib-stream", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5123/gateway?resume=1", "ws://127.0.0.1:5123/gateway?resume=1&v=10&encoding=json")]
    [InlineData("https://gateway.example", "wss://gateway.example/?v=10&encoding=json")]
    public void Connect_urls_carry_version_10_and_json_encoding(string url, string expected) =>
        Assert.Equal(expected, GatewayUri.Build(url).ToString());

    [Fact]
    public void A_received_payload_keeps_its_data_after_the_buffer_is_reused()
    {
        var buffer = Encoding.UTF8.GetBytes("""{"t":"INTERACTION_CREATE","s":42,"op":0,"d":{"id":"7"}}""");

        var payload = GatewayPayload.Parse(buffer);
        Array.Fill(buffer, (byte)' ');

        Assert.Equal((GatewayOpCode.Dispatch, 42, "INTERACTION_CREATE"), (payload.Op, payload.Sequence, payload.EventName));
        Assert.Equal("7", payload.Data.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"d":null}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"op":"10"}""")]
    [InlineData("""not json""")]
    public void Something_that_is_not_a_gateway_payload_is_rejected(string text) =>
        Assert.ThrowsAny<JsonException>(() => GatewayPayload.Parse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_first_heartbeat_sends_null_and_later_ones_the_last_sequence()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encode(GatewayOpCode.Heartbeat, (int?)null));
        Assert.Equal("""{"op":1,"d":251}""", Encode(GatewayOpCode.Heartbeat, (int?)251));
    }

    [Fact]
    public void Identify_and_resume_are_snake_case_and_never_print_the_token()
    {
        var identify = new IdentifyData
        {
            Token = GatewayHarness.Token,
            Properties = new IdentifyConnectionProperties("linux", "SeedreamBot", "SeedreamBot"),
            Intents = 0,
            Shard = [1, 2],
        };
        var resume = new ResumeData { Token = GatewayHarness.Token, SessionId = "abc", Seq = 9 };

        Assert.Equal(
            $$$"""{"op":2,"d":{"token":"{{{GatewayHarness.Token}}}","properties":{"os":"linux","browser":"SeedreamBot","device":"SeedreamBot"},"intents":0,"shard":[1,2]}}""",
            Encoding.UTF8.GetString(GatewayConnection.Encode(GatewayOpCode.Identify, identify, GatewayJsonContext.Default.GatewayCommandIdentifyData)));
        Assert.Equal(
            $$$"""{"op":6,"d":{"token":"{{{GatewayHarness.Token}}}","session_id":"abc","seq":9}}""",
            Encoding.UTF8.GetString(GatewayConnection.Encode(GatewayOpCode.Resume, resume, GatewayJsonContext.Default.GatewayCommandResumeData)));
        Assert.DoesNotContain(GatewayHarness.Token, identify.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayHarness.Token, resume.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_over_4096_bytes_is_refused_when_encoded()
    {
        var presence = GatewayPresence.Online(GatewayActivityType.Playing, new string('a', 4100));

        var refused = Assert.Throws<GatewayPayloadTooLargeException>(() =>
            GatewayConnection.Encode(GatewayOpCode.PresenceUpdate, presence, GatewayJsonContext.Default.GatewayCommandGatewayPresence));

        Assert.Contains("4096", refused.Message, StringComparison.Ordinal);
        var fits = GatewayPresence.Online(GatewayActivityType.Playing, new string('a', 3900));
        Assert.True(GatewayConnection.Encode(GatewayOpCode.PresenceUpdate, fits, GatewayJsonContext.Default.GatewayCommandGatewayPresence).Length <= 4096);
    }

    [Theory]
    [InlineData("abc.def", "abc.def")]
    [InlineData("Bot abc.def", "abc.def")]
    [InlineData("  bot   abc.def ", "abc.def")]
    public void A_pasted_Bot_prefix_is_removed_from_the_identify_token(string configured, string expected) =>
        Assert.Equal(expected, DiscordGateway.NormalizeToken(configured));

    [Fact]
    public void A_malformed_ready_is_reported_as_such()
    {
        using var document = JsonDocument.Parse("""{"v":10}""");
        var dispatch = new GatewayDispatch(0, GatewayEventNames.Ready, 1, document.RootElement.Clone(), DateTimeOffset.UnixEpoch);

        Assert.ThrowsAny<JsonException>(() => dispatch.TryReadReady(out _));
    }

    private static string Encode(GatewayOpCode op, int? data) =>
        Encoding.UTF8.GetString(GatewayConnection.Encode(op, data, GatewayJsonContext.Default.GatewayCommandNullableInt32));
}
