using System.Text.Json.Nodes;
using SeedreamBot.Core.Credits;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>/quota grant|take|set|reset and the moderator gate, over the wire.</summary>
public sealed class QuotaMemberCommandTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task A_grant_changes_the_balance_and_the_log_channel_gets_a_notice_that_pings_nobody()
    {
        await _bot.SetLogChannelAsync();

        var grant = await _bot.Quota("grant")
            .WithMember("user", QuotaTestKit.MemberId, "ada")
            .WithInteger("amount", 10)
            .WithString("reason", "won the contest")
            .DispatchAsync();
        var reply = await grant.PrivateReplyAsync();

        Assert.Contains("granted **10 credits**", reply.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("not posted", reply.Text(), StringComparison.Ordinal);
        Assert.Equal(50, _bot.Balance().Available);
        Assert.Equal(10, _bot.Balance().Bonus);

        var notice = await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("Credits granted", StringComparison.Ordinal));
        var text = notice.Text();
        Assert.Contains($"<@{QuotaTestKit.ModeratorId}> granted **10 credits** to <@{QuotaTestKit.MemberId}>", text, StringComparison.Ordinal);
        Assert.Equal("40 → 50 credits", notice.Field("Balance"));
        Assert.Equal("won the contest", notice.Field("Reason"));
        Assert.False(notice.IsEphemeral);

        var post = _bot.Discord.Calls.Last(call => call.Method == "POST" && call.Path == $"/channels/{QuotaTestKit.LogChannelId}/messages");
        var parse = Assert.IsType<JsonArray>(post.Json!["allowed_mentions"]!["parse"]);
        Assert.Empty(parse);
        Assert.Null(post.Json["allowed_mentions"]!["users"]);
    }

    [Fact]
    public async Task A_member_without_manage_server_is_refused_even_when_the_command_reaches_the_bot_and_nothing_changes()
    {
        await _bot.SetLogChannelAsync();
        var before = _bot.Balance();
        var logBefore = _bot.Discord.Messages(QuotaTestKit.LogChannelId).Count;

        var attempt = await _bot.Discord.SlashCommand("quota").By(1100000000000000043, "mallory")
            .WithSubcommand("grant")
            .WithMember("user", QuotaTestKit.MemberId, "ada")
            .WithInteger("amount", 500)
            .DispatchAsync();
        var reply = await attempt.PrivateReplyAsync();

        Assert.Contains("Only moderators can use /quota", reply.Text(), StringComparison.Ordinal);
        Assert.Equal(before, _bot.Balance());
        Assert.Equal(0, _bot.Get<ICreditModeration>().GetHistory(BotHarness.GuildId, QuotaTestKit.MemberId).Entries.Count(e => e.Kind == CreditEntryKind.Grant));
        Assert.Equal(logBefore, _bot.Discord.Messages(QuotaTestKit.LogChannelId).Count);
    }

    [Fact]
    public async Task Administrators_are_moderators_too()
    {
        var grant = await _bot.Discord.SlashCommand("quota").By(1100000000000000044, "admin")
            .WithMemberPermissions(FakeDiscordServer.DefaultMemberPermissions | (1UL << 3))
            .WithSubcommand("grant")
            .WithMember("user", QuotaTestKit.MemberId, "ada")
            .WithInteger("amount", 3)
            .DispatchAsync();
        Assert.Contains("granted **3 credits**", (await grant.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(43, _bot.Balance().Available);
    }

    [Fact]
    public async Task A_moderator_role_from_configuration_is_enough()
    {
        const ulong moderatorRole = 1100000000000000666;
        await QuotaTestKit.StopBotAsync(_bot);
        _bot = await QuotaTestKit.StartBotAsync(new BotHarnessOptions
        {
            Settings = { ["Credits:ModeratorRoleIds:0"] = moderatorRole.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

        var withRole = await _bot.Discord.SlashCommand("quota").By(1100000000000000045, "helper").WithRoles(moderatorRole)
            .WithSubcommand("grant").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 2).DispatchAsync();
        Assert.Contains("granted **2 credits**", (await withRole.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var withoutRole = await _bot.Discord.SlashCommand("quota").By(1100000000000000046, "someone").WithRoles(1100000000000000667)
            .WithSubcommand("grant").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 2).DispatchAsync();
        Assert.Contains("Only moderators", (await withoutRole.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(42, _bot.Balance().Available);
    }

    [Fact]
    public async Task Taking_more_than_the_member_has_is_refused_with_what_they_have()
    {
        var take = await _bot.Quota("take").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 55).DispatchAsync();
        var text = (await take.PrivateReplyAsync()).Text();

        Assert.Contains($"<@{QuotaTestKit.MemberId}> has only 40 credits (40 allowance left + 0 bonus), so at most 40 credits can be taken.", text, StringComparison.Ordinal);
        Assert.Contains("Nothing changed.", text, StringComparison.Ordinal);
        Assert.Equal(40, _bot.Balance().Available);

        var exact = await _bot.Quota("take").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 40).DispatchAsync();
        Assert.Contains("took **40 credits**", (await exact.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(0, _bot.Balance().Available);

        var more = await _bot.Quota("take").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 1).DispatchAsync();
        Assert.Contains("has no credits left to take", (await more.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(0, _bot.Balance().Available);
    }

    [Theory]
    [InlineData("grant", 0, "must be at least 1")]
    [InlineData("grant", -5, "must be at least 1")]
    [InlineData("take", 0, "must be at least 1")]
    [InlineData("grant", 10_001, "At most 10,000 credits can be adjusted")]
    [InlineData("take", 10_001, "At most 10,000 credits can be adjusted")]
    [InlineData("set", -1, "can't be negative")]
    [InlineData("set", 10_001, "At most 10,000 credits can be adjusted")]
    [InlineData("grant", 9_007_199_254_740_991, "At most 10,000 credits can be adjusted")]
    [InlineData("grant", -9_007_199_254_740_991, "must be at least 1")]
    public async Task Bad_amounts_are_refused_and_change_nothing(string subcommand, long amount, string expected)
    {
        await _bot.SetLogChannelAsync();
        var before = _bot.Balance();
        var entriesBefore = _bot.Get<ICreditModeration>().GetHistory(BotHarness.GuildId, QuotaTestKit.MemberId).TotalEntries;
        var logBefore = _bot.Discord.Messages(QuotaTestKit.LogChannelId).Count;

        var attempt = await _bot.Quota(subcommand).WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", amount).DispatchAsync();
        var text = (await attempt.PrivateReplyAsync()).Text();

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("Nothing changed.", text, StringComparison.Ordinal);
        Assert.Equal(before, _bot.Balance());
        Assert.Equal(entriesBefore, _bot.Get<ICreditModeration>().GetHistory(BotHarness.GuildId, QuotaTestKit.MemberId).TotalEntries);
        Assert.Equal(logBefore, _bot.Discord.Messages(QuotaTestKit.LogChannelId).Count);
    }

    [Fact]
    public async Task Set_and_reset_report_before_and_after()
    {
        var set = await _bot.Quota("set").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 55).DispatchAsync();
        var setReply = await set.PrivateReplyAsync();
        Assert.Equal("40 → 55 credits", setReply.Field("Balance"));
        Assert.Equal(15, _bot.Balance().Bonus);

        var reset = await _bot.Quota("reset").WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        var resetReply = await reset.PrivateReplyAsync();
        Assert.Contains("a fresh period", resetReply.Text(), StringComparison.Ordinal);
        Assert.Equal("55 → 40 credits", resetReply.Field("Balance"));
        Assert.Equal(40, _bot.Balance().Available);
    }

    [Fact]
    public async Task Unknown_users_bots_and_people_outside_the_server_are_refused()
    {
        // A USER option whose id is not in data.resolved (a stale client, a hand-made request).
        var unknown = await _bot.Quota("grant").WithInteger("user", 12345).WithInteger("amount", 5).DispatchAsync();
        Assert.Contains("can't find that user", (await unknown.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var outsider = await _bot.Quota("grant").WithUser("user", 1100000000000000077, "stranger").WithInteger("amount", 5).DispatchAsync();
        Assert.Contains("isn't a member of this server", (await outsider.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(0, _bot.Get<ICreditModeration>().GetHistory(BotHarness.GuildId).TotalEntries);
    }

    [Fact]
    public async Task Quota_in_direct_messages_is_refused_politely()
    {
        var attempt = await _bot.Discord.SlashCommand("quota").By(QuotaTestKit.ModeratorId, "mod").InDirectMessage()
            .WithSubcommand("settings").DispatchAsync();
        Assert.Contains("works only inside a server", (await attempt.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_log_post_does_not_fail_the_grant_and_the_moderator_is_told()
    {
        await _bot.SetLogChannelAsync();
        _bot.Discord.SetChannelError(QuotaTestKit.LogChannelId, 403, 50013, "Missing Permissions");

        var grant = await _bot.Quota("grant").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 10).DispatchAsync();
        var text = (await grant.PrivateReplyAsync()).Text();

        Assert.Contains("granted **10 credits**", text, StringComparison.Ordinal);
        Assert.Contains($"This was not posted to the log channel <#{QuotaTestKit.LogChannelId}>", text, StringComparison.Ordinal);
        Assert.Contains("Send Messages and Embed Links", text, StringComparison.Ordinal);
        Assert.Equal(50, _bot.Balance().Available);
        Assert.Contains(_bot.Logs.Lines, log => log.Category.EndsWith("ModeratorActionLog", StringComparison.Ordinal) && log.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
