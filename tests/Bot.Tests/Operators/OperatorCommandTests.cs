using System.Text.Json.Nodes;
using SeedreamBot.Bot.Tests.Credits;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Harness;
using static SeedreamBot.Bot.Tests.Operators.OperatorTestKit;

namespace SeedreamBot.Bot.Tests.Operators;

/// <summary><c>/operator</c> over the wire: where it is registered, who may use it, and what each subcommand does.</summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Without_a_home_server_operator_is_a_global_command_for_DMs_only_hidden_from_everyone()
    {
        await using var bot = await BotHarness.StartAsync();

        var command = Assert.Single(bot.Discord.GlobalCommands, c => c["name"]!.GetValue<string>() == "operator");

        Assert.Equal("0", command["default_member_permissions"]!.GetValue<string>());
        Assert.Equal([1], (command["contexts"] as JsonArray)!.Select(c => c!.GetValue<int>()));
        Assert.Equal(
            ["servers", "approve", "decline", "budget", "alerts", "status"],
            (command["options"] as JsonArray)!.Select(o => o!["name"]!.GetValue<string>()));
        Assert.DoesNotContain(bot.Discord.GuildCommands(BotHarness.GuildId), c => c["name"]!.GetValue<string>() == "operator");
    }

    [Fact]
    public async Task With_a_home_server_operator_is_registered_there_only_next_to_the_other_commands()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = { ["Operator:HomeServerId"] = Id(BotHarness.GuildId) },
        });

        var home = bot.Discord.GuildCommands(BotHarness.GuildId).Select(c => c["name"]!.GetValue<string>()).ToList();

        Assert.Contains("operator", home);
        Assert.Contains("imagine", home);
        Assert.Equal("0", bot.Discord.GuildCommands(BotHarness.GuildId).Single(c => c["name"]!.GetValue<string>() == "operator")["default_member_permissions"]!.GetValue<string>());
        Assert.DoesNotContain(bot.Discord.GlobalCommands, c => c["name"]!.GetValue<string>() == "operator");
    }

    [Fact]
    public async Task A_server_administrator_who_is_not_an_operator_is_refused_on_the_bots_side()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = { ["Operator:HomeServerId"] = Id(BotHarness.GuildId) },
        });
        bot.SetUpStranger();
        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).PrivateReplyAsync();
        var request = await bot.RequestMessageAsync(StrangerGuild);
        const ulong admin = 1100000000000005555;

        var command = await bot.Discord.SlashCommand("operator").By(admin, "admin").WithMemberPermissions(Administrator)
            .WithSubcommand("approve").WithString("server", Id(StrangerGuild)).DispatchAsync();
        var press = await bot.Discord.ButtonPress("op:approve:" + Id(StrangerGuild)).On(request).By(admin, "admin")
            .WithMemberPermissions(Administrator).DispatchAsync();

        Assert.Contains("Only the bot's operators can use /operator", (await command.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Contains("Only the bot's operators can use /operator", (await press.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(ServerState.Pending, bot.Get<IServerStore>().Get(StrangerGuild)!.State);
        Assert.Equal(request.Version, bot.Discord.LatestMessage(request.Id)!.Version);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains($"User {Id(admin)}", StringComparison.Ordinal)
            && line.Message.Contains("not an operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_with_a_budget_admits_the_server_and_its_members_can_generate_within_it()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();

        var approve = await bot.Operator("approve").WithString("server", Id(StrangerGuild)).WithInteger("budget", 300).DispatchAsync();

        var reply = (await approve.PrivateReplyAsync()).Text();
        Assert.Contains("Stranger's place", reply, StringComparison.Ordinal);
        Assert.Contains("may use the bot now", reply, StringComparison.Ordinal);
        Assert.Contains("300 credits every month", reply, StringComparison.Ordinal);
        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).WaitForResultAsync();
        var pool = bot.Get<ICreditLedger>().PeekServerPool(StrangerGuild);
        await Eventually.Until(() => bot.Get<ICreditLedger>().PeekServerPool(StrangerGuild), p => p.Held == 0, "the hold to settle");
        Assert.Equal((300, true), (pool.Budget, pool.BudgetIsOverride));
        Assert.Equal(4, bot.Get<ICreditLedger>().PeekServerPool(StrangerGuild).Spent);
    }

    [Fact]
    public async Task Decline_refuses_servers_the_configuration_admits_and_declines_others()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();

        var configured = await bot.Operator("decline").WithString("server", Id(BotHarness.GuildId)).DispatchAsync();
        var stranger = await bot.Operator("decline").WithString("server", Id(StrangerGuild)).DispatchAsync();
        var typo = await bot.Operator("decline").WithString("server", "afk_not_an_id").DispatchAsync();

        Assert.Contains("is allowed by the configuration", (await configured.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Contains("is declined", (await stranger.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var typoReply = (await typo.PrivateReplyAsync()).Text();
        Assert.Contains("isn't a server id", typoReply, StringComparison.Ordinal);
        Assert.DoesNotContain("afk_not_an_id", typoReply, StringComparison.Ordinal);
        Assert.Null(bot.Get<IServerStore>().Get(BotHarness.GuildId));
        Assert.Equal(ServerState.Declined, bot.Get<IServerStore>().Get(StrangerGuild)!.State);
    }

    [Fact]
    public async Task Budget_sets_a_servers_own_budget_which_moderators_see_in_quota_settings()
    {
        await using var bot = await BotHarness.StartAsync();

        var budget = await bot.Operator("budget").WithString("server", Id(BotHarness.GuildId)).WithInteger("amount", 120).DispatchAsync();
        var reply = (await budget.PrivateReplyAsync()).Text();
        var settings = await (await bot.Quota("settings").DispatchAsync()).PrivateReplyAsync();

        Assert.Contains("may now spend 120 credits every month (it was 2,000 credits)", reply, StringComparison.Ordinal);
        Assert.Contains("120 credits left of 120 credits every month (0 spent)", settings.Field("Server budget (set by the bot's operator)"), StringComparison.Ordinal);
        Assert.Equal(120, bot.Get<IServerStore>().Get(BotHarness.GuildId)!.BudgetOverride);
    }

    [Fact]
    public async Task Alerts_posts_to_the_channel_first_and_refuses_one_the_bot_cannot_write_to()
    {
        await using var bot = await BotHarness.StartAsync();
        const ulong locked = OperatorChannel + 1;
        bot.Discord.SetChannelError(locked, 403, 50013, "Missing Permissions");

        var refused = await bot.Operator("alerts").WithChannel("channel", locked, "locked").DispatchAsync();
        Assert.Contains("I can't post in", (await refused.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Null(bot.Get<IServerStore>().GetOperatorSettings().AlertChannelId);

        var set = await bot.Operator("alerts").WithChannel("channel", OperatorChannel, "operators").DispatchAsync();
        Assert.Contains("now go to", (await set.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var here = Assert.Single(bot.Discord.Messages(OperatorChannel));
        Assert.Contains("made this the operator channel", here.Text(), StringComparison.Ordinal);
        Assert.Equal(OperatorChannel, bot.Get<IServerStore>().GetOperatorSettings().AlertChannelId);

        var cleared = await bot.Operator("alerts").DispatchAsync();
        Assert.Contains("by direct message", (await cleared.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Null(bot.Get<IServerStore>().GetOperatorSettings().AlertChannelId);
    }

    [Fact]
    public async Task Servers_lists_pending_and_admitted_servers_with_names_members_and_spending()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();
        bot.Discord.AddGuild(BotHarness.GuildId, "Home base");
        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).PrivateReplyAsync();
        await bot.RequestMessageAsync(StrangerGuild);
        await (await bot.ImagineIn(BotHarness.GuildId, BotHarness.ChannelId).DispatchAsync()).WaitForResultAsync();
        await Eventually.Until(() => bot.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId), p => p.Held == 0, "the hold to settle");

        var list = await (await bot.Operator("servers").DispatchAsync()).PrivateReplyAsync();

        Assert.Contains("owner-servers", list.Text(), StringComparison.Ordinal);
        var pending = list.Field("Waiting for a decision (1)");
        Assert.Contains("Stranger's place", pending, StringComparison.Ordinal);
        Assert.Contains(Id(StrangerGuild), pending, StringComparison.Ordinal);
        var admitted = list.Field("Admitted (1)");
        Assert.Contains("Home base", admitted, StringComparison.Ordinal);
        Assert.Contains("in the configuration", admitted, StringComparison.Ordinal);
        Assert.Contains("4 of 2,000 credits spent", admitted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_Apiframe_balance_the_daily_budget_jobs_and_the_version()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions { Settings = { ["Apiframe:DailyCreditBudget"] = "400" } });
        await Eventually.Until(() => bot.Get<SeedreamBot.Bot.Operations.ApiframeBalanceMonitor>().LastBalance is not null, "the first balance check");

        var status = await (await bot.Operator("status").DispatchAsync()).PrivateReplyAsync();

        Assert.Contains(bot.Apiframe.TeamCredits.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), status.Field("Apiframe balance"), StringComparison.Ordinal);
        Assert.Equal("0 of 400 Apiframe credits", status.Field("Today (UTC)"));
        Assert.Equal("0 running, 0 waiting", status.Field("Jobs"));
        Assert.Equal("`owner-servers`", status.Field("Server policy"));
        Assert.Contains("SeedreamBot " + SeedreamBot.Bot.Operations.ProductVersion.Display, status.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_from_configuration_may_use_it_and_count_as_moderators_in_any_server()
    {
        const ulong helper = 1100000000000005444;
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions { Settings = { ["Operator:UserIds:0"] = Id(helper) } });

        var servers = await bot.Operator("servers", userId: helper).DispatchAsync();
        var grant = await bot.Discord.SlashCommand("quota").By(helper, "helper").WithSubcommand("grant")
            .WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 5).DispatchAsync();

        Assert.Contains("Servers", (await servers.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Contains("granted **5 credits**", (await grant.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
    }
}
