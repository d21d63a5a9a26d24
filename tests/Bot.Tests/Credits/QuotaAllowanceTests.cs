using SeedreamBot.Core.Credits;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>/quota allowance and allowance-clear, seen through /credits.</summary>
public sealed class QuotaAllowanceTests : IAsyncLifetime
{
    private const ulong ArtistRole = 1100000000000000555;

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task A_role_allowance_changes_what_a_member_with_that_role_sees_in_credits()
    {
        await _bot.SetLogChannelAsync();
        var set = await _bot.Quota("allowance").WithInteger("amount", 100).WithRole("role", ArtistRole, "Artists").DispatchAsync();
        var reply = await set.PrivateReplyAsync();
        Assert.Contains($"set the allowance of <@&{ArtistRole}> to **100 credits** per period", reply.Text(), StringComparison.Ordinal);
        Assert.Equal("not set (inherits) → 100 credits", reply.Field("Allowance per period"));
        await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains("Allowance changed", StringComparison.Ordinal));

        var artist = await (await _bot.Credits().WithRoles(ArtistRole).DispatchAsync()).PrivateReplyAsync();
        Assert.Equal("100 of 100 credits", artist.Field("Allowance left"));
        Assert.Equal($"Role <@&{ArtistRole}>", artist.Field("Allowance from"));

        var other = await (await _bot.Credits(1100000000000000043).DispatchAsync()).PrivateReplyAsync();
        Assert.Equal("40 of 40 credits", other.Field("Allowance left"));

        var clear = await _bot.Quota("allowance-clear").WithRole("role", ArtistRole, "Artists").DispatchAsync();
        Assert.Contains("removed the allowance", (await clear.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        var after = await (await _bot.Credits().WithRoles(ArtistRole).DispatchAsync()).PrivateReplyAsync();
        Assert.Equal("Bot default", after.Field("Allowance from"));
    }

    [Fact]
    public async Task The_server_default_and_the_period_change_together()
    {
        var set = await _bot.Quota("allowance").WithInteger("amount", 60).WithString("period", "weekly").DispatchAsync();
        var reply = await set.PrivateReplyAsync();
        Assert.Contains("the server default", reply.Text(), StringComparison.Ordinal);
        Assert.Equal("every day → every week", reply.Field("Refill period"));

        var credits = await (await _bot.Credits().DispatchAsync()).PrivateReplyAsync();
        Assert.Equal("60 of 60 credits", credits.Field("Allowance left"));
        Assert.Equal("Server default", credits.Field("Allowance from"));
        Assert.Contains("every week", credits.Field("Next refill"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_own_allowance_applies_at_once_and_beats_their_roles()
    {
        _bot.Get<ICreditModeration>().SetAllowance(BotHarness.GuildId, QuotaTestKit.ModeratorId, 100, target: AllowanceTarget.Role(ArtistRole));
        var set = await _bot.Quota("allowance").WithInteger("amount", 5).WithMember("user", QuotaTestKit.MemberId, "ada", ArtistRole).DispatchAsync();
        var reply = await set.PrivateReplyAsync();
        Assert.Equal("100 → 5 credits", reply.Field("Balance"));

        Assert.Equal(5, _bot.Balance(QuotaTestKit.MemberId, ArtistRole).Available);
        Assert.Equal(AllowanceSource.UserOverride, _bot.Balance(QuotaTestKit.MemberId, ArtistRole).AllowanceSource);
    }

    [Fact]
    public async Task Naming_both_a_role_and_a_member_or_a_negative_amount_is_refused()
    {
        var both = await _bot.Quota("allowance").WithInteger("amount", 10).WithRole("role", ArtistRole, "Artists")
            .WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        Assert.Contains("either a role or a member, not both", (await both.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var negative = await _bot.Quota("allowance").WithInteger("amount", -1).DispatchAsync();
        Assert.Contains("can't be negative", (await negative.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var tooLarge = await _bot.Quota("allowance").WithInteger("amount", 10_001).WithRole("role", ArtistRole, "Artists").DispatchAsync();
        Assert.Contains("At most 10,000 credits", (await tooLarge.PrivateReplyAsync()).Text(), StringComparison.Ordinal);

        var settings = _bot.Get<ICreditModeration>().GetSettings(BotHarness.GuildId);
        Assert.Empty(settings.RoleAllowances);
        Assert.Equal(AllowanceSource.Configuration, settings.DefaultAllowanceSource);
    }

    [Fact]
    public async Task Clearing_what_was_never_set_is_refused()
    {
        var clear = await _bot.Quota("allowance-clear").DispatchAsync();
        var text = (await clear.PrivateReplyAsync()).Text();
        Assert.Contains("no default allowance of its own", text, StringComparison.Ordinal);
        Assert.Contains("Nothing changed.", text, StringComparison.Ordinal);
    }
}
