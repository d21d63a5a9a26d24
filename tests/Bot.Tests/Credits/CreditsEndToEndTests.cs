using SeedreamBot.Core.Credits;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>/credits over the wire: the real host against the fake Discord.</summary>
public sealed class CreditsEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task A_member_sees_their_allowance_bonus_holds_and_when_it_refills()
    {
        var moderation = _bot.Get<ICreditModeration>();
        var member = new CreditMember(new CreditScope(BotHarness.GuildId, QuotaTestKit.MemberId), []);
        moderation.Grant(QuotaTestKit.ModeratorId, member, 7);
        Assert.True(_bot.Get<ICreditLedger>().TryHold(member, "gen-credits-1", 4).Status == HoldStatus.Placed);

        var interaction = await _bot.Credits().DispatchAsync();
        var reply = await interaction.PrivateReplyAsync();

        Assert.Equal(4, interaction.InitialResponse!.Type);
        var text = reply.Text();
        Assert.Contains("Your credits", text, StringComparison.Ordinal);

        // 40 a day by default; the hold of 4 came out of the allowance, the 7 bonus are untouched.
        Assert.Contains("**43 credits**", text, StringComparison.Ordinal);
        Assert.Equal("36 of 40 credits", reply.Field("Allowance left"));
        Assert.Equal("7 credits", reply.Field("Bonus (never expires)"));
        Assert.Equal("4 credits", reply.Field("Set aside"));
        Assert.Equal("0 credits", reply.Field("Spent this period"));
        Assert.Equal("0 images", reply.Field("Images made"));
        Assert.Equal("Bot default", reply.Field("Allowance from"));
        var refill = reply.Field("Next refill");
        Assert.StartsWith("Refills in ", refill, StringComparison.Ordinal);
        Assert.Matches(@"<t:\d+:f>", refill);
        Assert.Contains("every day", refill, StringComparison.Ordinal);
        Assert.Contains("enough for 10 images", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_naming_someone_else_is_refused_kindly_and_a_moderator_sees_that_members_roles()
    {
        const ulong role = 1100000000000000555;
        var moderation = _bot.Get<ICreditModeration>();
        Assert.True(moderation.SetAllowance(BotHarness.GuildId, QuotaTestKit.ModeratorId, 100, target: AllowanceTarget.Role(role)).Succeeded);

        var nosy = await _bot.Credits(1100000000000000043).WithMember("user", QuotaTestKit.MemberId, "ada", role).DispatchAsync();
        var refusal = (await nosy.PrivateReplyAsync()).Text();
        Assert.Contains("only look up your own credits", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("100", refusal, StringComparison.Ordinal);

        var lookup = await _bot.Discord.SlashCommand("credits").By(QuotaTestKit.ModeratorId, "mod")
            .WithMemberPermissions(QuotaTestKit.ModeratorPermissions)
            .WithMember("user", QuotaTestKit.MemberId, "ada", role)
            .DispatchAsync();
        var reply = await lookup.PrivateReplyAsync();
        Assert.Contains("Credits of ada", reply.Text(), StringComparison.Ordinal);
        Assert.Equal("100 of 100 credits", reply.Field("Allowance left"));
        Assert.Equal($"Role <@&{role}>", reply.Field("Allowance from"));
    }

    [Fact]
    public async Task Naming_yourself_is_the_same_as_naming_nobody()
    {
        var interaction = await _bot.Credits().WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        var reply = await interaction.PrivateReplyAsync();
        Assert.Contains("Your credits", reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_direct_messages_credits_show_the_direct_message_scope()
    {
        var interaction = await _bot.Credits().InDirectMessage().DispatchAsync();
        var reply = await interaction.PrivateReplyAsync();
        var text = reply.Text();
        Assert.Contains("**0 credits**", text, StringComparison.Ordinal);
        Assert.Contains("isn't available in direct messages", text, StringComparison.Ordinal);
        Assert.Equal("Direct-message allowance", reply.Field("Allowance from"));
    }

    [Fact]
    public async Task A_blocked_member_sees_why()
    {
        var member = new CreditMember(new CreditScope(BotHarness.GuildId, QuotaTestKit.MemberId), []);
        _bot.Get<ICreditModeration>().Block(QuotaTestKit.ModeratorId, member, "spamming the channel");

        var reply = await (await _bot.Credits().DispatchAsync()).PrivateReplyAsync();
        Assert.Contains("paused your image requests on this server: “spamming the channel”", reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_members_read_german()
    {
        var reply = await (await _bot.Credits().WithLocale("de").DispatchAsync()).PrivateReplyAsync();
        Assert.Contains("Deine Credits", reply.Text(), StringComparison.Ordinal);
        Assert.StartsWith("Wird in ", reply.Field("Nächste Auffüllung"), StringComparison.Ordinal);
        Assert.Equal("40 von 40 Credits", reply.Field("Kontingent übrig"));
    }
}
