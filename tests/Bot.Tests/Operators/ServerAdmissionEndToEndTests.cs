using SeedreamBot.Bot.Tests.Credits;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Core.Servers;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;
using static SeedreamBot.Bot.Tests.Operators.OperatorTestKit;

namespace SeedreamBot.Bot.Tests.Operators;

/// <summary>
/// Server admission over the wire: a server the policy does not admit gets one private refusal per interaction,
/// nothing is held, charged or sent to Apiframe, and the operators are asked once; an operator's Approve lets the
/// same member generate; the owner-servers rule asks Discord whether an operator is a member.
/// </summary>
public sealed class ServerAdmissionEndToEndTests
{
    [Fact]
    public async Task A_strangers_server_is_refused_privately_at_no_cost_until_an_operator_approves_it_from_the_operator_channel()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();

        var first = await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync();
        var refusal = await first.PrivateReplyAsync();
        Assert.Contains("This bot isn't enabled for this server yet — its operator has been asked", refusal.Text(), StringComparison.Ordinal);

        var request = await bot.RequestMessageAsync(StrangerGuild);
        Assert.Contains("Stranger's place", request.Text(), StringComparison.Ordinal);
        Assert.Contains(Id(MemberId), request.Text(), StringComparison.Ordinal);
        Assert.Contains("op:decline:" + Id(StrangerGuild), request.CustomIds);

        // A second member, and a button from the same server: refused the same way; the operators are not asked again.
        var second = await bot.ImagineIn(StrangerGuild, StrangerChannel, userId: MemberId + 1).DispatchAsync();
        Assert.Contains("isn't enabled for this server yet", (await second.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var button = await bot.Discord.ButtonPress("gen:reroll:abc").On(refusal with { GuildId = StrangerGuild, ChannelId = StrangerChannel })
            .By(MemberId + 2).DispatchAsync();
        Assert.Contains("isn't enabled for this server yet", (await button.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        await bot.AlreadyAskedAsync(StrangerGuild, times: 2);

        Assert.Single(bot.Discord.Messages(OperatorChannel), message => message.CustomIds.Any(id => id.StartsWith("op:", StringComparison.Ordinal)));
        Assert.Equal(0, bot.Apiframe.JobsCreated);
        Assert.Empty(bot.Apiframe.RequestsTo(FakeRoute.Generate));
        bot.AssertNothingHeldOrCharged(StrangerGuild);
        Assert.Equal(ServerState.Pending, bot.Get<IServerStore>().Get(StrangerGuild)!.State);

        // The operator approves from the operator channel: the request shows the decision and loses its buttons.
        var approve = await bot.Discord.ButtonPress("op:approve:" + Id(StrangerGuild)).On(request).By(OwnerId, "owner").DispatchAsync();
        Assert.Equal(7, (await approve.WaitForInitialResponseAsync()).Type);
        var decided = await Eventually.Until(() => bot.Discord.LatestMessage(request.Id)!, message => message.Version > request.Version, "the request to show the decision");
        Assert.Contains("Approved by", decided.Text(), StringComparison.Ordinal);
        Assert.Empty(decided.CustomIds);

        var again = await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync();
        var result = await again.WaitForResultAsync();
        Assert.Contains("a red kite", result.Description(), StringComparison.Ordinal);
        Assert.Equal(1, bot.Apiframe.JobsCreated);
        var settled = await Eventually.Until(() => bot.Balance(MemberId, StrangerGuild), balance => balance.Held == 0, "the hold to settle");
        Assert.Equal(36, settled.Available);
    }

    [Fact]
    public async Task Owner_servers_admits_a_server_the_owner_is_in_and_not_one_where_Discord_answers_Unknown_Member()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();
        bot.Discord.AddGuild(OwnersGuild, "Owner's hangout", StrangerOwnerId);
        bot.Discord.AddGuildMember(OwnersGuild, OwnerId);

        var inOwners = await bot.ImagineIn(OwnersGuild, OwnersChannel).DispatchAsync();
        await inOwners.WaitForResultAsync();
        var inStrangers = await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync();
        Assert.Contains("isn't enabled for this server yet", (await inStrangers.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var found = Assert.Single(bot.Discord.Calls, call => call.Path == $"/guilds/{Id(OwnersGuild)}/members/{Id(OwnerId)}");
        Assert.Equal(200, found.StatusCode);
        var missing = Assert.Single(bot.Discord.Calls, call => call.Path == $"/guilds/{Id(StrangerGuild)}/members/{Id(OwnerId)}");
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(10007, missing.ResponseJson!["code"]!.GetValue<int>());
        Assert.Equal(1, bot.Apiframe.JobsCreated);
        bot.AssertNothingHeldOrCharged(StrangerGuild);

        // The answer is kept: the owner's server is not looked up again for the next member.
        var next = await bot.ImagineIn(OwnersGuild, OwnersChannel, userId: MemberId + 1, prompt: "a blue kite").DispatchAsync();
        await next.WaitForResultAsync();
        Assert.Single(bot.Discord.Calls, call => call.Path.StartsWith($"/guilds/{Id(OwnersGuild)}/members/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_member_counts_as_an_operator_but_an_invited_one_does_not()
    {
        var options = new BotHarnessOptions();
        options.Discord.TeamMemberIds.Add(OwnerId + 1);
        options.Discord.TeamMemberIds.Add(OwnerId + 2);
        options.Discord.InvitedTeamMemberIds.Add(OwnerId + 3);
        await using var bot = await BotHarness.StartAsync(options);
        bot.Discord.AddGuild(OwnersGuild, "Developer's server", StrangerOwnerId);
        bot.Discord.AddGuildMember(OwnersGuild, OwnerId + 2);
        bot.Discord.AddGuild(StrangerGuild, "Invitee's server", StrangerOwnerId);
        bot.Discord.AddGuildMember(StrangerGuild, OwnerId + 3);

        await (await bot.ImagineIn(OwnersGuild, OwnersChannel).DispatchAsync()).WaitForResultAsync();
        var refused = await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync();

        Assert.Contains("isn't enabled for this server yet", (await refused.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Calls, call => call.Path.EndsWith("/members/" + Id(OwnerId + 3), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Allow_list_admits_only_listed_servers_and_does_not_ask_about_members()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = { ["Operator:ServerPolicy"] = "allow-list", ["Operator:AllowedServerIds:0"] = Id(StrangerGuild) },
        });
        bot.SetUpStranger();
        bot.Discord.AddGuild(OwnersGuild, "Owner's hangout", StrangerOwnerId);
        bot.Discord.AddGuildMember(OwnersGuild, OwnerId);

        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).WaitForResultAsync();
        var refused = await bot.ImagineIn(OwnersGuild, OwnersChannel).DispatchAsync();

        Assert.Contains("isn't enabled for this server yet", (await refused.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Calls, call => call.Route == "/guilds/{guild_id}/members/{user_id}");
        await bot.RequestMessageAsync(OwnersGuild);
    }

    [Fact]
    public async Task Open_admits_every_server_and_the_bot_warns_about_it_at_start()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions { Settings = { ["Operator:ServerPolicy"] = "open" } });
        bot.SetUpStranger();

        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).WaitForResultAsync();

        Assert.Single(bot.Logs.Lines, line => line.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && line.Message.StartsWith("Operator:ServerPolicy is open", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Lines, line => line.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && line.Message.Contains("Apiframe:DailyCreditBudget is not set", StringComparison.Ordinal));
        Assert.Empty(bot.Discord.Messages(OperatorChannel));
    }

    [Fact]
    public async Task A_declined_server_is_told_so_and_nothing_reaches_Apiframe()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.SetUpStranger();
        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).PrivateReplyAsync();
        var request = await bot.RequestMessageAsync(StrangerGuild);

        await (await bot.Discord.ButtonPress("op:decline:" + Id(StrangerGuild)).On(request).By(OwnerId).DispatchAsync()).WaitForInitialResponseAsync();
        var decided = await Eventually.Until(() => bot.Discord.LatestMessage(request.Id)!, message => message.Version > request.Version, "the decision");
        var after = await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync();

        Assert.Contains("Declined by", decided.Text(), StringComparison.Ordinal);
        Assert.Contains("This bot isn't available in this server — its operator declined it", (await after.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Apiframe.JobsCreated);
        Assert.False(bot.Discord.Guild(StrangerGuild)!.BotLeft);
        bot.AssertNothingHeldOrCharged(StrangerGuild);
    }

    [Fact]
    public async Task With_LeaveDeclined_the_bot_leaves_a_server_an_operator_declines()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions { Settings = { ["Operator:LeaveDeclined"] = "true" } });
        bot.SetUpStranger();
        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).PrivateReplyAsync();
        var request = await bot.RequestMessageAsync(StrangerGuild);

        await bot.Discord.ButtonPress("op:decline:" + Id(StrangerGuild)).On(request).By(OwnerId).DispatchAsync();

        await Eventually.Until(() => bot.Discord.Guild(StrangerGuild)!.BotLeft, "the bot to leave the declined server");
        Assert.Equal(ServerState.Declined, bot.Get<IServerStore>().Get(StrangerGuild)!.State);
    }

    [Fact]
    public async Task Without_an_operator_channel_each_operator_gets_the_request_by_DM()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions { Settings = { ["Operator:UserIds:0"] = Id(OwnerId + 50) } });
        bot.SetUpStranger(withOperatorChannel: false);

        await (await bot.ImagineIn(StrangerGuild, StrangerChannel).DispatchAsync()).PrivateReplyAsync();

        foreach (var operatorId in new[] { OwnerId, OwnerId + 50 })
        {
            var channel = await Eventually.Until(() => bot.Discord.DirectMessageChannelOf(operatorId), id => id is not null, $"a DM channel with {operatorId}");
            var request = await bot.RequestMessageAsync(StrangerGuild, channel!.Value);
            Assert.Null(request.GuildId);
        }
    }
}
