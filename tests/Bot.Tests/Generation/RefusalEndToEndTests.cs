using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>Every refusal is private, costs nothing and never reaches Apiframe.</summary>
public sealed class RefusalEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions
    {
        Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
        Settings = { ["Generation:MaxInputImageBytes"] = "1000000", ["Generation:MaxQueuedPerUser"] = "2" },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_attachment_that_is_not_an_image_is_refused()
    {
        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(50, "u")
            .WithString("prompt", "a cat")
            .WithAttachment("image", "hello"u8.ToArray(), "notes.txt", "text/plain"));

        Assert.Contains("“notes.txt” is not an image I can use (text/plain)", reply, StringComparison.Ordinal);
        await AssertNothingSpentAsync(50);
    }

    [Fact]
    public async Task An_input_over_the_size_limit_is_refused_with_both_sizes()
    {
        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(51, "u")
            .WithString("prompt", "a cat")
            .WithAttachment("image", FakeImages.PngOfSize(1_200_000), "big.png"));

        Assert.Contains("“big.png” is 1.1 MB; input images can be at most 976.6 KB.", reply, StringComparison.Ordinal);
        await AssertNothingSpentAsync(51);
    }

    [Fact]
    public async Task Match_input_image_without_an_image_is_refused()
    {
        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(52, "u")
            .WithString("prompt", "a cat")
            .WithString("aspect", "match_input_image"));

        Assert.Contains("needs at least one input image", reply, StringComparison.Ordinal);
        await AssertNothingSpentAsync(52);
    }

    [Fact]
    public async Task A_prompt_on_the_guild_ban_list_is_refused()
    {
        _bot.Get<IGuildSettingsStore>().AddBannedTerm(BotHarness.GuildId, "gore");

        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(53, "u").WithString("prompt", "lots of Gore please"));

        Assert.Contains("“gore”", reply, StringComparison.Ordinal);
        Assert.Contains("blocked", reply, StringComparison.Ordinal);
        await AssertNothingSpentAsync(53);
    }

    [Fact]
    public async Task A_blocked_member_is_refused()
    {
        _bot.Get<ICreditModeration>().Block(1, new CreditMember(new CreditScope(BotHarness.GuildId, 54), []), "spamming");

        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(54, "u").WithString("prompt", "a cat"));

        Assert.Contains("paused your image requests", reply, StringComparison.Ordinal);
        Assert.Contains("spamming", reply, StringComparison.Ordinal);
        await AssertNothingSpentAsync(54, expectedAvailable: null);
    }

    [Fact]
    public async Task Not_enough_credits_shows_balance_cost_and_the_refill()
    {
        _bot.Get<ICreditModeration>().Set(1, new CreditMember(new CreditScope(BotHarness.GuildId, 55), []), 3);

        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(55, "u").WithString("prompt", "a cat"));

        Assert.Contains("This image costs 4 credits, and you have 3 credits.", reply, StringComparison.Ordinal);
        Assert.Contains("refills", reply, StringComparison.Ordinal);
        Assert.Contains("You were not charged.", reply, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }

    [Fact]
    public async Task A_full_queue_is_refused_and_the_waiting_ones_are_untouched()
    {
        for (var i = 0; i < 2; i++)
        {
            var accepted = await _bot.Discord.SlashCommand("imagine").By(56, "u").WithString("prompt", "cat " + i).DispatchAsync();
            Assert.Equal(5, (await accepted.WaitForInitialResponseAsync()).Type);
        }

        await Eventually.Until(() => _bot.Balance(56).Held == 8, "two holds");
        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").By(56, "u").WithString("prompt", "one more"));

        Assert.Contains("You already have 2 images in the works", reply, StringComparison.Ordinal);
        Assert.Equal(8, _bot.Balance(56).Held);
        Assert.Equal(32, _bot.Balance(56).Available);
    }

    [Fact]
    public async Task Direct_messages_are_refused_when_they_have_no_allowance()
    {
        var reply = await RefusedAsync(_bot.Discord.SlashCommand("imagine").InDirectMessage().By(57, "u").WithString("prompt", "a cat"));

        Assert.Contains("isn't available in direct messages", reply, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }

    private static async Task<string> RefusedAsync(Fakes.Discord.FakeSlashCommandBuilder command)
    {
        var interaction = await command.DispatchAsync();
        return await interaction.WaitForPrivateReplyAsync();
    }

    private async Task AssertNothingSpentAsync(ulong userId, int? expectedAvailable = 40)
    {
        var balance = _bot.Balance(userId);
        Assert.Equal(0, balance.Held);
        if (expectedAvailable is { } available)
        {
            Assert.Equal(available, balance.Available);
        }

        // Once the bot reports itself idle it does nothing more, so a wrongly started job would have reached Apiframe.
        await _bot.WaitForIdleAsync();
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }
}
