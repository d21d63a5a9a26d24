using NSec.Cryptography;
using SeedreamBot.Bot.Endpoint;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Endpoint;

/// <summary>The developer portal's check of an Interactions Endpoint URL, against the real bot.</summary>
public sealed class HttpEndpointValidationTests
{
    [Fact]
    public async Task An_endpoint_that_checks_with_another_applications_key_fails_the_portals_check()
    {
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings =
            {
                ["Interactions:PublicKey"] = Convert.ToHexStringLower(stranger.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                ["Interactions:Urls"] = "http://127.0.0.1:0",
            },
        });
        var endpoint = new Uri(bot.Get<EndpointListener>().Addresses[0], "/interactions");

        // Discord's own PING is refused (401), so the portal does not save the URL and keeps the gateway.
        var refusal = await Assert.ThrowsAsync<FakeEndpointValidationException>(() => bot.Discord.SetInteractionsEndpointAsync(endpoint));

        Assert.Contains("could not be verified", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("401", refusal.Message, StringComparison.Ordinal);
        Assert.Null(bot.Discord.InteractionsEndpoint);
    }

    [Fact]
    public async Task With_the_applications_key_the_portal_accepts_the_endpoint_while_the_gateway_stays_on()
    {
        var options = new BotHarnessOptions { Settings = { ["Interactions:Urls"] = "http://127.0.0.1:0" } };
        await using var bot = await BotHarness.StartFakesAsync(options);
        options.Settings["Interactions:PublicKey"] = bot.Discord.InteractionsPublicKey;
        await bot.StartBotAsync();
        var endpoint = new Uri(bot.Get<EndpointListener>().Addresses[0], "/interactions");

        await bot.Discord.SetInteractionsEndpointAsync(endpoint);

        // Both ways in at once (the moment an operator switches over): an interaction now comes over HTTP.
        var interaction = await bot.Discord.SlashCommand("imagine").By(46, "cy").WithString("prompt", "a cat").DispatchAsync();
        Assert.True(interaction.DeliveredOverHttp);
        Assert.Equal(5, (await interaction.WaitForInitialResponseAsync()).Type);
        Assert.True(bot.Gateway.GetShardStats().Identifies > 0);
    }
}
