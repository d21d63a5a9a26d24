using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>The bot token and interaction tokens never reach a log line, an exception or a ToString.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task Neither_the_bot_token_nor_interaction_tokens_appear_in_logs_or_exceptions()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:MaxRetries"] = "1" });
        var server = harness.Server;
        var client = harness.Client;
        var texts = new List<string>();
        var late = await server.SlashCommand("imagine").DispatchAsync();
        var ok = await server.SlashCommand("imagine").DispatchAsync();
        server.RateLimits.Inject("PATCH /webhooks/{application_id}/{interaction_token}/messages/@original", FakeRateLimitScope.User, TimeSpan.FromMilliseconds(20), times: 3);

        await client.CreateInteractionResponseAsync(ok.Id, ok.Token, InteractionResponse.Defer());
        texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => client.CreateInteractionResponseAsync(ok.Id, ok.Token, InteractionResponse.Defer()))).ToString());
        texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => client.EditOriginalResponseAsync(server.ApplicationId, ok.Token, new MessageEdit { Content = "x" }))).ToString());
        texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => client.EditOriginalResponseAsync(server.ApplicationId, late.Token, new MessageEdit { Content = "x" }))).ToString());
        texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => client.CreateFollowupAsync(server.ApplicationId, "not-a-token-" + late.Token, new FollowupMessageCreate { Content = "x" }))).ToString());
        texts.Add(harness.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.ToString());

        await using (var rejected = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.NDU2.revoked-token-value" }))
        {
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => rejected.Client.GetCurrentApplicationAsync())).ToString());
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => rejected.Client.GetCurrentApplicationAsync())).ToString());
            texts.Add(rejected.Logs.AllText);
            Assert.DoesNotContain("revoked-token-value", string.Join('\n', texts), StringComparison.Ordinal);
        }

        texts.Add(harness.Logs.AllText);
        var everything = string.Join('\n', texts);
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.Contains("/webhooks/{application_id}/{interaction_token}/messages/@original", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ok.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(late.Token, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_and_files_print_without_their_secrets_or_bytes()
    {
        var options = new DiscordOptions { Token = "MTIz.NDU2.secret-value" };
        var file = new DiscordFile("a.png", new byte[] { 1, 2, 3 }, "image/png");

        Assert.DoesNotContain("secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("(set)", options.ToString(), StringComparison.Ordinal);
        Assert.Equal("a.png (3 bytes, image/png)", file.ToString());
    }
}
