using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using NSubstitute;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Fakes;

/// <summary>The fake's own Discord rules, driven with a plain HttpClient so nothing of ours is in between.</summary>
public sealed class FakeDiscordServerTests : IAsyncLifetime
{
    private readonly IFakeGateway _gateway = Substitute.For<IFakeGateway>();
    private readonly HttpClient _http = new();
    private FakeDiscordServer _server = null!;

    public async Task InitializeAsync()
    {
        _gateway.DescribeForGatewayBot().Returns(_ => new JsonObject
        {
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 1000, ["reset_after"] = 0, ["max_concurrency"] = 1 },
        });
        _server = new FakeDiscordServer(_gateway);
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Requests_without_the_bot_token_get_401_and_without_a_bot_user_agent_get_403()
    {
        using var noAuth = await SendAsync(HttpMethod.Get, "/applications/@me", authorization: null);
        using var wrongAuth = await SendAsync(HttpMethod.Get, "/applications/@me", authorization: "Bot nope");
        using var noAgent = await SendAsync(HttpMethod.Get, "/applications/@me", userAgent: "curl/8");

        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAuth.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noAgent.StatusCode);
        Assert.Equal(40333, (await ReadAsync(noAgent))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_admitted_response_carries_rate_limit_headers()
    {
        using var response = await SendAsync(HttpMethod.Post, "/channels/5/messages", """{"content":"hi"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var header in new[] { "X-RateLimit-Bucket", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After" })
        {
            Assert.True(response.Headers.Contains(header), header);
        }

        Assert.Equal("49", response.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task An_injected_global_429_has_Discords_headers_and_body()
    {
        _server.RateLimits.Inject("GET /applications/@me", FakeRateLimitScope.Global, TimeSpan.FromSeconds(1.5));

        using var response = await SendAsync(HttpMethod.Get, "/applications/@me");
        var body = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", response.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(1.5, body["retry_after"]!.GetValue<double>());
        Assert.True(body["global"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Gateway_bot_points_at_the_fakes_websocket_and_the_websocket_is_served_by_the_gateway()
    {
        _gateway.AcceptAsync(Arg.Any<WebSocket>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<WebSocket>().CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None));

        using var response = await SendAsync(HttpMethod.Get, "/gateway/bot");
        var body = await ReadAsync(response);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(body["url"]!.GetValue<string>() + "?v=10&encoding=json"), CancellationToken.None);
        var buffer = new byte[16];
        var closing = await socket.ReceiveAsync(buffer, CancellationToken.None);

        Assert.Equal(_server.GatewayUrl, body["url"]!.GetValue<string>());
        Assert.StartsWith("ws://127.0.0.1:", _server.GatewayUrl, StringComparison.Ordinal);
        Assert.Equal(1000, body["session_start_limit"]!["total"]!.GetValue<int>());
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        await _gateway.Received(1).AcceptAsync(Arg.Any<WebSocket>(), "?v=10&encoding=json", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Interactions_are_dispatched_through_the_gateway_with_their_guild()
    {
        var interaction = await _server.SlashCommand("imagine").InGuild(777, 888).DispatchAsync();

        await _gateway.Received(1).DispatchAsync("INTERACTION_CREATE", Arg.Is<JsonNode>(d => d["id"]!.GetValue<string>() == interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), 777UL, Arg.Any<CancellationToken>());
        Assert.Equal(888UL, interaction.ChannelId);
        Assert.Equal(_server.TimeProvider.GetUtcNow().Date, interaction.DispatchedAt.Date);
    }

    [Fact]
    public async Task Message_limits_are_answered_with_50035_trees_and_empty_messages_with_50006()
    {
        var rows = string.Join(',', Enumerable.Range(0, 6).Select(i => $$"""{"type":1,"components":[{"type":2,"style":1,"label":"b","custom_id":"id{{i}}"}]}"""));
        using var tooLong = await SendAsync(HttpMethod.Post, "/channels/5/messages", $$"""{"content":"{{new string('c', 2001)}}","components":[{{rows}}]}""");
        using var empty = await SendAsync(HttpMethod.Post, "/channels/5/messages", """{"content":""}""");
        var errors = (await ReadAsync(tooLong))["errors"]!;

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("Must be 2000 or fewer in length.", errors["content"]!["_errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("BASE_TYPE_MAX_LENGTH", errors["components"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(50006, (await ReadAsync(empty))["code"]!.GetValue<int>());
        Assert.Empty(_server.Messages(5));
        var violations = await _server.TakeContractViolationsAsync();
        Assert.Contains(violations, v => v.Contains("documented limits", StringComparison.Ordinal) && v.Contains("BASE_TYPE_MAX_LENGTH", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("50006", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_modal_cannot_answer_a_modal_submit_and_unknown_interactions_get_10062()
    {
        var submit = await _server.ModalSubmit("m").WithValue("prompt", "x").DispatchAsync();
        using var modal = await SendAsync(HttpMethod.Post, $"/interactions/{submit.Id}/{submit.Token}/callback",
            """{"type":9,"data":{"custom_id":"again","title":"Again","components":[{"type":10,"content":"hi"}]}}""");
        using var unknown = await SendAsync(HttpMethod.Post, $"/interactions/1/{submit.Token}/callback", """{"type":5}""");

        Assert.Equal(HttpStatusCode.BadRequest, modal.StatusCode);
        Assert.Equal(10062, (await ReadAsync(unknown))["code"]!.GetValue<int>());
        var violation = Assert.Single(await _server.TakeContractViolationsAsync());
        Assert.Contains("INTERACTION_CALLBACK_TYPE_INVALID", violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eleven_attachments_are_refused_with_30015()
    {
        using var content = new MultipartFormDataContent();
        var attachments = string.Join(',', Enumerable.Range(0, 11).Select(i => $$"""{"id":"{{i}}","filename":"f{{i}}.png"}"""));
        content.Add(new StringContent($$"""{"content":"x","attachments":[{{attachments}}]}""", Encoding.UTF8, "application/json"), "payload_json");
        for (var i = 0; i < 11; i++)
        {
            content.Add(new ByteArrayContent([1]), $"files[{i}]", $"f{i}.png");
        }

        using var response = await SendAsync(HttpMethod.Post, "/channels/5/messages", content: content);

        Assert.Equal(30015, (await ReadAsync(response))["code"]!.GetValue<int>());
        Assert.Contains(await _server.TakeContractViolationsAsync(), v => v.Contains("30015", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_embed_with_26_fields_or_an_unknown_property_is_a_contract_violation_that_fails_at_dispose()
    {
        var fields = string.Join(',', Enumerable.Range(0, 26).Select(i => $$"""{"name":"f{{i}}","value":"v"}"""));
        var tooManyFields = $$"""{"embeds":[{"title":"t","fields":[{{fields}}]}]}""";
        using var tooMany = await SendAsync(HttpMethod.Post, "/channels/5/messages", tooManyFields);
        using var fine = await SendAsync(HttpMethod.Post, "/channels/5/messages", """{"content":"x","embeds":[{"title":"t","fields":[{"name":"a","value":"b"}]}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        var violations = await _server.TakeContractViolationsAsync();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Contains("fields", v, StringComparison.Ordinal));

        if (_server.ChecksOpenApiContract)
        {
            // The spec knows no "embed" (a typo of "embeds"): Discord drops it silently and the message goes out
            // without its embed. The fake accepts the request as Discord does, and reports it.
            using var typo = await SendAsync(HttpMethod.Post, "/channels/5/messages", """{"content":"x","embed":{"title":"t"}}""");
            Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
            Assert.Contains(await _server.TakeContractViolationsAsync(), v => v.Contains("unknown property embed", StringComparison.Ordinal));
        }

        var strict = new FakeDiscordServer(_gateway);
        await strict.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, strict.ApiBaseUrl + "/channels/5/messages")
        {
            Content = new StringContent(tooManyFields, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + strict.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com, 1.0)");
        using var refused = await _http.SendAsync(request);

        var failure = await Assert.ThrowsAsync<SeedreamBot.Fakes.Shared.FakeContractViolationException>(async () => await strict.DisposeAsync());
        Assert.Contains("fields", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cdn_serves_registered_bytes_with_their_content_type()
    {
        var bytes = TestImages.Png(2, 2);
        var attachment = _server.RegisterCdnAttachment(new FakeUpload(bytes, "in put.png"), ephemeral: true);

        using var response = await _http.GetAsync(new Uri(attachment.Url));
        using var missing = await _http.GetAsync(new Uri(_server.BaseUrl + "/cdn/attachments/1/nothing.png"));

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, attachment.Width);
        Assert.Contains("?ex=", attachment.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Guild_commands_exist_only_where_the_bot_is_and_the_guild_list_refuses_a_limit_over_200()
    {
        var app = _server.ApplicationId;
        using var elsewhere = await SendAsync(HttpMethod.Put, $"/applications/{app}/guilds/555/commands", "[]");
        using var tooMany = await SendAsync(HttpMethod.Get, "/users/@me/guilds?limit=201");
        using var listed = await SendAsync(HttpMethod.Get, "/users/@me/guilds?limit=1");

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(50001, (await ReadAsync(elsewhere))["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var tooManyBody = await ReadAsync(tooMany);
        Assert.Equal(50035, tooManyBody["code"]!.GetValue<int>());
        Assert.Equal("NUMBER_TYPE_MAX", tooManyBody["errors"]!["limit"]!["_errors"]![0]!["code"]!.GetValue<string>());
        var guild = Assert.Single((await ReadAsync(listed)).AsArray())!;
        Assert.Equal(FakeDiscordServer.DefaultGuildId.ToString(System.Globalization.CultureInfo.InvariantCulture), guild["id"]!.GetValue<string>());
        Assert.IsType<string>(guild["permissions"]!.GetValue<string>());

        // The limit over 200 was sent on purpose: the fake reports it as a request Discord refuses.
        Assert.Contains("NUMBER_TYPE_MAX", Assert.Single(await _server.TakeContractViolationsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_latency_is_measured_from_dispatch_to_callback()
    {
        // On the fake's own clock, so the measured latency is exactly the time that passed in between.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = new FakeDiscordServer(_gateway, new FakeDiscordOptions { TimeProvider = time });
        await server.StartAsync();
        var interaction = await server.SlashCommand("imagine").DispatchAsync();
        time.Advance(TimeSpan.FromMilliseconds(1234));

        using var response = await SendAsync(HttpMethod.Post, $"/interactions/{interaction.Id}/{interaction.Token}/callback", """{"type":5}""", server: server);
        var ack = await interaction.WaitForInitialResponseAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), interaction.AckLatency);
        Assert.True(ack.IsDeferred);

        // Past Discord's 3-second window the same callback is too late.
        var late = await server.SlashCommand("imagine").DispatchAsync();
        time.Advance(TimeSpan.FromSeconds(3.001));
        using var tooLate = await SendAsync(HttpMethod.Post, $"/interactions/{late.Id}/{late.Token}/callback", """{"type":5}""", server: server);
        Assert.Equal(10062, (await ReadAsync(tooLate))["code"]!.GetValue<int>());
        Assert.Null(late.AckLatency);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? json = null,
        string? authorization = "",
        string userAgent = "DiscordBot (https://example.com, 1.0)",
        HttpContent? content = null,
        FakeDiscordServer? server = null)
    {
        server ??= _server;
        using var request = new HttpRequestMessage(method, server.ApiBaseUrl + path);
        request.Content = content ?? (json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Length == 0 ? "Bot " + server.Token : authorization);
        }

        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
