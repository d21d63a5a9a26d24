using System.Text.Json.Nodes;
using SeedreamBot.Core.Credits;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

public sealed class ImagineEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Imagine_text_only_delivers_the_image_in_the_same_message_and_charges_once()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(42, "ada")
            .WithString("prompt", "a lighthouse at dawn, film grain")
            .DispatchAsync();

        var response = await interaction.WaitForInitialResponseAsync();
        Assert.Equal(5, response.Type);

        var final = await interaction.WaitForOriginalAsync(message => message.Attachments.Count == 1);
        var embed = final.Embeds[0]!.AsObject();
        Assert.Contains("a lighthouse at dawn", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("attachment://", embed["image"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("reroll", string.Join(' ', final.CustomIds), StringComparison.Ordinal);

        var ledger = _bot.Get<ICreditLedger>();
        var balance = await Eventually.Until(
            () => ledger.GetBalance(new CreditMember(new CreditScope(BotHarness.GuildId, 42), [])),
            b => b.Held == 0,
            "the hold to be settled");
        Assert.Equal(36, balance.Available);
        Assert.Equal(1, balance.ImagesMade);
        Assert.Equal(1, _bot.Apiframe.JobsCreated);
    }
}
