using System.Text.Json.Nodes;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Endpoint;

/// <summary>
/// Interactions over HTTP, over the wire: the fake Discord validates the bot's endpoint like the developer portal
/// (PING, then bad signatures), signs every interaction with the application's Ed25519 key and POSTs it, and reads the
/// HTTP response as the interaction's initial response. The bot runs without a gateway connection.
/// </summary>
public sealed class HttpInteractionsEndToEndTests : IAsyncLifetime
{
    private const string CallbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback";

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions { HttpInteractions = true });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_signed_imagine_is_deferred_in_the_http_response_and_its_image_delivered()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(42, "ada")
            .WithString("prompt", "a lighthouse at dawn, film grain")
            .DispatchAsync();

        Assert.True(interaction.DeliveredOverHttp);
        var answer = await interaction.HttpDelivery!;
        Assert.Equal(200, answer.StatusCode);
        Assert.StartsWith("application/json", answer.ContentType, StringComparison.Ordinal);
        Assert.Equal(5, answer.Json!["type"]!.GetValue<int>());
        Assert.Equal(204, interaction.HttpCallback!.StatusCode);

        var deferral = await interaction.WaitForInitialResponseAsync();
        Assert.Equal(5, deferral.Type);
        Assert.False(deferral.IsEphemeral);
        var final = await interaction.WaitForResultAsync();
        Assert.Contains("a lighthouse at dawn", final.Description(), StringComparison.Ordinal);
        Assert.Single(final.Attachments);
        Assert.Equal(36, (await _bot.SettledBalanceAsync(42)).Available);
        Assert.Equal(1, _bot.Apiframe.JobsCreated);

        // The deferral was the HTTP response itself, not a callback request, and no gateway was ever opened.
        Assert.DoesNotContain(_bot.Discord.Calls, call => call.Route == CallbackRoute);
        Assert.Equal(0, _bot.Gateway.GetShardStats().Identifies);
    }

    [Theory]
    [InlineData(FakeSignature.Random)]
    [InlineData(FakeSignature.WrongKey)]
    [InlineData(FakeSignature.TamperedBody)]
    [InlineData(FakeSignature.Stale)]
    [InlineData(FakeSignature.Missing)]
    public async Task A_request_that_is_not_signed_by_Discord_now_gets_401_and_does_nothing(FakeSignature signature)
    {
        var before = _bot.Balance(43);

        var (interaction, answer) = await _bot.Discord.SlashCommand("imagine")
            .By(43, "eve")
            .WithString("prompt", "a forged request")
            .PostSignedAsync(signature);

        Assert.Equal(401, answer.StatusCode);
        await _bot.WaitForIdleAsync();
        Assert.Null(interaction.InitialResponse);
        Assert.DoesNotContain(_bot.Discord.Calls, call => call.Path.Contains(interaction.Token, StringComparison.Ordinal));
        Assert.Equal(0, _bot.Apiframe.JobsCreated);
        Assert.Equal(before, _bot.Balance(43));
    }

    [Fact]
    public async Task A_ping_gets_a_pong_as_json()
    {
        var answer = await _bot.Discord.PostToInteractionsEndpointAsync(new JsonObject
        {
            ["id"] = "1100000000000000777",
            ["application_id"] = _bot.Discord.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = 1,
            ["token"] = "cGluZw",
            ["version"] = 1,
        });

        Assert.Equal(200, answer.StatusCode);
        Assert.StartsWith("application/json", answer.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"type":1}""", answer.Body);
    }

    [Fact]
    public async Task The_same_interaction_posted_again_is_refused_and_starts_nothing_more()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine").By(44, "bo").WithString("prompt", "one cat").DispatchAsync();
        Assert.Equal(200, (await interaction.HttpDelivery!).StatusCode);

        var again = await _bot.Discord.PostToInteractionsEndpointAsync(interaction.Json);

        Assert.Equal(409, again.StatusCode);
        await interaction.WaitForResultAsync();
        await _bot.WaitForIdleAsync();
        Assert.Equal(1, _bot.Apiframe.JobsCreated);
        Assert.Equal(36, _bot.Balance(44).Available);
    }

    [Fact]
    public async Task A_modal_is_the_http_response_and_its_submit_starts_the_edit()
    {
        var target = _bot.Discord.AddUserMessage(BotHarness.ChannelId, "look", [new FakeUpload(GenerationTestKit.SmallPng(1), "one.png")]);

        var command = await _bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(45, "me").DispatchAsync();
        var answer = await command.HttpDelivery!;
        Assert.Equal(9, answer.Json!["type"]!.GetValue<int>());
        var modal = await command.WaitForInitialResponseAsync();

        var submit = await _bot.Discord.ModalSubmit(modal.ModalCustomId!).WithValue("prompt", "in black and white").By(45, "me").DispatchAsync();
        var result = await submit.WaitForResultAsync();

        Assert.Single(result.Attachments);
        Assert.DoesNotContain(_bot.Discord.Calls, call => call.Route == CallbackRoute);
    }

    [Fact]
    public async Task Healthz_does_not_count_the_gateway_that_is_off_on_purpose()
    {
        var (_, body) = await _bot.Get<HealthReporter>().CheckAsync(CancellationToken.None);

        var gateway = body.Checks[DiscordGatewayHealthCheck.Name];
        Assert.Equal("healthy", gateway.Status);
        Assert.Contains("Discord:Gateway is false", gateway.Description, StringComparison.Ordinal);
    }
}
