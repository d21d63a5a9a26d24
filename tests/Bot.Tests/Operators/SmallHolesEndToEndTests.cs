using SeedreamBot.Bot.Tests.Credits;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Core.Credits;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operators;

/// <summary>Holes found in review, closed over the wire: prompts cannot plant links, Delete deletes only its result, reasons for reset and unblock.</summary>
public sealed class SmallHolesEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task A_markdown_link_in_a_prompt_shows_literally_in_the_public_result_instead_of_as_a_link()
    {
        const string prompt = "[Free Nitro](https://evil.example/claim) # headline **bold** <@123> `code`";
        var interaction = await _bot.Discord.SlashCommand("imagine").By(81, "eve").WithString("prompt", prompt).DispatchAsync();

        var result = await interaction.WaitForResultAsync();

        var description = result.Description();
        Assert.StartsWith(@"> \[Free Nitro\]\(https\://evil.example/claim\) \# headline \*\*bold\*\* \<\@123\> \`code\`", description, StringComparison.Ordinal);
        Assert.DoesNotContain("[Free Nitro](", description, StringComparison.Ordinal);
        Assert.Equal(prompt, _bot.GenerateBodies()[^1]["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_acts_only_on_the_generations_own_result_message()
    {
        var first = await (await _bot.Discord.SlashCommand("imagine").By(82, "ida").WithString("prompt", "a teapot").DispatchAsync()).WaitForResultAsync();
        var second = await (await _bot.Discord.SlashCommand("imagine").By(82, "ida").WithString("prompt", "a kettle").DispatchAsync()).WaitForResultAsync();

        // The first image's Delete id, pressed on the second image's message: neither message is deleted.
        var wrong = await _bot.Discord.ButtonPress("gen:delete:" + first.GenerationId()).On(second).By(82, "ida").DispatchAsync();

        Assert.Contains("doesn't belong to that image's message", (await wrong.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.False(_bot.Discord.LatestMessage(second.Id)!.Deleted);
        Assert.False(_bot.Discord.LatestMessage(first.Id)!.Deleted);

        var right = await _bot.Discord.ButtonPress("gen:delete:" + first.GenerationId()).On(first).By(82, "ida").DispatchAsync();
        await right.WaitForInitialResponseAsync();
        await Eventually.Until(() => _bot.Discord.LatestMessage(first.Id)?.Deleted ?? true, "the first result to be deleted");
        Assert.False(_bot.Discord.LatestMessage(second.Id)!.Deleted);
    }

    [Fact]
    public async Task Reset_and_unblock_take_a_reason_for_the_ledger_and_the_log_channel()
    {
        await _bot.SetLogChannelAsync();
        await (await _bot.Quota("block").WithMember("user", QuotaTestKit.MemberId, "ada").WithString("reason", "spam").DispatchAsync()).PrivateReplyAsync();

        var unblock = await _bot.Quota("unblock").WithMember("user", QuotaTestKit.MemberId, "ada").WithString("reason", "apologised in #general").DispatchAsync();
        var reset = await _bot.Quota("reset").WithMember("user", QuotaTestKit.MemberId, "ada").WithString("reason", "new season").DispatchAsync();
        await unblock.PrivateReplyAsync();
        await reset.PrivateReplyAsync();

        var entries = _bot.Get<ICreditModeration>().GetHistory(BotHarness.GuildId, QuotaTestKit.MemberId).Entries;
        Assert.Equal("apologised in #general", entries.Single(e => e.Kind == CreditEntryKind.Unblock).Reason);
        Assert.Equal("new season", entries.Single(e => e.Kind == CreditEntryKind.Reset).Reason);
        await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("unblocked", StringComparison.Ordinal)
            && m.Text().Contains("apologised in #general", StringComparison.Ordinal));
        await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("fresh period", StringComparison.Ordinal)
            && m.Text().Contains("new season", StringComparison.Ordinal));
    }
}
