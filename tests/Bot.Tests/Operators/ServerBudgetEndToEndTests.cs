using SeedreamBot.Bot.Tests.Credits;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Core.Credits;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operators;

/// <summary>
/// Server budgets over the wire: a server whose pool is used up refuses with the refill time whatever a moderator
/// grants, tells its moderators once in its log channel, and shows the pool in <c>/quota settings</c>.
/// </summary>
public sealed class ServerBudgetEndToEndTests
{
    [Fact]
    public async Task A_used_up_server_budget_refuses_with_the_refill_time_and_a_moderator_grant_does_not_change_that()
    {
        var bot = await QuotaTestKit.StartBotAsync(new BotHarnessOptions { Settings = { ["Operator:DefaultServerBudget"] = "8" } });
        try
        {
            await UsedUpAsync(bot);
        }
        finally
        {
            await QuotaTestKit.StopBotAsync(bot);
        }
    }

    [Fact]
    public async Task Moderators_see_the_servers_pool_in_quota_settings()
    {
        var bot = await QuotaTestKit.StartBotAsync(new BotHarnessOptions
        {
            Settings = { ["Operator:DefaultServerBudget"] = "500", ["Operator:ServerBudgetPeriod"] = "Weekly" },
        });
        try
        {
            await (await bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada").WithString("prompt", "a fox").DispatchAsync())
                .WaitForResultAsync();
            await bot.SettledBalanceAsync(QuotaTestKit.MemberId);

            var settings = await (await bot.Quota("settings").DispatchAsync()).PrivateReplyAsync();

            var field = settings.Field("Server budget (set by the bot's operator)");
            Assert.StartsWith("496 credits left of 500 credits every week (4 spent)\nRefills in", field, StringComparison.Ordinal);
        }
        finally
        {
            await QuotaTestKit.StopBotAsync(bot);
        }
    }

    private static async Task UsedUpAsync(BotHarness bot)
    {
        await bot.SetLogChannelAsync();
        for (var i = 0; i < 2; i++)
        {
            await (await bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada").WithString("prompt", "a fox " + i).DispatchAsync())
                .WaitForResultAsync();
        }

        await bot.SettledBalanceAsync(QuotaTestKit.MemberId);
        var refused = await bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada").WithString("prompt", "a third fox").DispatchAsync();
        var reply = (await refused.PrivateReplyAsync()).Text();
        Assert.Contains("This server has used up its image budget for this month. Images can be made here again ", reply, StringComparison.Ordinal);
        Assert.Contains(" from now.", reply, StringComparison.Ordinal);
        Assert.Contains("You were not charged.", reply, StringComparison.Ordinal);

        var notice = await bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, message => message.Text().Contains("budget used up", StringComparison.Ordinal));
        Assert.Contains("8 credits (every month)", notice.Text(), StringComparison.Ordinal);

        var grant = await bot.Quota("grant").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 100).DispatchAsync();
        Assert.Contains("granted **100 credits**", (await grant.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var afterGrant = await bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId, "ada").WithString("prompt", "a fourth fox").DispatchAsync();
        Assert.Contains("used up its image budget", (await afterGrant.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var other = await bot.Discord.SlashCommand("imagine").By(QuotaTestKit.MemberId + 1, "bo").WithString("prompt", "a fifth fox").DispatchAsync();
        Assert.Contains("used up its image budget", (await other.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        Assert.Equal(2, bot.Apiframe.JobsCreated);
        Assert.Equal(2, bot.Apiframe.RequestsTo(FakeRoute.Generate).Count);
        var pool = bot.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId);
        Assert.Equal((8L, 0L, 0L), (pool.Spent, pool.Held, pool.Available));
        Assert.Equal(132, bot.Balance().Available);

        // The moderators heard once for the period, however many members were refused.
        Assert.Single(bot.Discord.Messages(QuotaTestKit.LogChannelId), message => message.Text().Contains("budget used up", StringComparison.Ordinal));
        Assert.Empty(bot.Get<CreditLedgerAudit>().FindProblems());
    }
}
