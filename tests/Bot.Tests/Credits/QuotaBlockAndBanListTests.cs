using SeedreamBot.Core.Credits;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>/quota block|unblock and /quota banlist, proven through /imagine.</summary>
public sealed class QuotaBlockAndBanListTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task A_blocked_member_is_refused_privately_and_not_charged_until_unblocked()
    {
        await _bot.SetLogChannelAsync();
        var block = await _bot.Quota("block").WithMember("user", QuotaTestKit.MemberId, "ada").WithString("reason", "spam").DispatchAsync();
        Assert.Contains($"blocked <@{QuotaTestKit.MemberId}> from making images", (await block.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var notice = await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("Member blocked", StringComparison.Ordinal));
        Assert.Equal("spam", notice.Field("Reason"));

        var again = await _bot.Quota("block").WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        Assert.Contains("is already blocked", (await again.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var imagine = await _bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada").WithString("prompt", "a quiet harbour").DispatchAsync();
        var refusal = (await imagine.PrivateReplyAsync()).Text();
        Assert.Contains("paused your image requests", refusal, StringComparison.Ordinal);
        Assert.Contains("You were not charged", refusal, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Apiframe.JobsCreated);
        var balance = _bot.Balance();
        Assert.Equal(40, balance.Available);
        Assert.Equal(0, balance.Held);

        var unblock = await _bot.Quota("unblock").WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        Assert.Contains("unblocked", (await unblock.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.False(_bot.Balance().Blocked);
    }

    [Fact]
    public async Task Members_who_left_can_still_be_blocked()
    {
        var block = await _bot.Quota("block").WithUser("user", 1100000000000000078, "gone").DispatchAsync();
        Assert.Contains("blocked", (await block.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.True(_bot.Balance(1100000000000000078).Blocked);
    }

    [Fact]
    public async Task A_banned_term_refuses_prompts_containing_it_and_removing_it_allows_them_again()
    {
        await _bot.SetLogChannelAsync();
        var add = await _bot.BanList("add").WithString("term", "  Red   Dragon ").DispatchAsync();
        var added = await add.PrivateReplyAsync();
        Assert.Contains("Prompts containing “Red Dragon” are now refused (1 term on the list)", added.Text(), StringComparison.Ordinal);
        var notice = await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("Term banned", StringComparison.Ordinal));
        Assert.Contains("||Red Dragon||", notice.Text(), StringComparison.Ordinal);

        var duplicate = await _bot.BanList("add").WithString("term", "red dragon").DispatchAsync();
        Assert.Contains("already on the ban list", (await duplicate.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var imagine = await _bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada")
            .WithString("prompt", "a RED dragon over the hills").DispatchAsync();
        var refusal = (await imagine.PrivateReplyAsync()).Text();
        Assert.Contains("Red Dragon", refusal, StringComparison.Ordinal);
        Assert.Contains("blocked", refusal, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Apiframe.JobsCreated);
        Assert.Equal(40, _bot.Balance().Available);

        var list = await _bot.BanList("list").DispatchAsync();
        Assert.Contains("1. Red Dragon", (await list.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var remove = await _bot.BanList("remove").WithString("term", "red dragon").DispatchAsync();
        Assert.Contains("no longer banned", (await remove.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Null(_bot.Get<SeedreamBot.Core.Guilds.IGuildSettingsStore>().FindBannedTerm(BotHarness.GuildId, "a red dragon"));

        var missing = await _bot.BanList("remove").WithString("term", "unicorn").DispatchAsync();
        Assert.Contains("is not on the ban list", (await missing.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_term_is_refused()
    {
        var add = await _bot.BanList("add").WithString("term", "!!!").DispatchAsync();
        var text = (await add.PrivateReplyAsync()).Text();
        Assert.Contains("needs at least one letter or digit", text, StringComparison.Ordinal);
        Assert.Empty(_bot.Get<SeedreamBot.Core.Guilds.IGuildSettingsStore>().GetBannedTerms(BotHarness.GuildId));
    }
}
