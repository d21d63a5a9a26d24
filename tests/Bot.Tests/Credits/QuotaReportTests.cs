using System.Globalization;
using System.IO.Compression;
using System.Text;
using SeedreamBot.Core.Credits;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>/quota history, top, settings, export and log-channel over the wire, including their buttons.</summary>
public sealed class QuotaReportTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    private CreditMember Ada => new(new CreditScope(BotHarness.GuildId, QuotaTestKit.MemberId), []);

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public async Task History_pages_with_buttons_and_every_press_checks_the_moderator_again()
    {
        var moderation = _bot.Get<ICreditModeration>();
        for (var i = 1; i <= 12; i++)
        {
            moderation.Grant(QuotaTestKit.ModeratorId, Ada, i, i == 12 ? "the newest one" : null);
        }

        var history = await _bot.Quota("history").WithMember("user", QuotaTestKit.MemberId, "ada").DispatchAsync();
        var first = await history.PrivateReplyAsync();
        var text = first.Text();

        // 1 refill + 12 grants, newest first.
        Assert.Contains("Page 1 of 2 · 13 entries", text, StringComparison.Ordinal);
        Assert.Contains("**Granted** +12 → 118", text, StringComparison.Ordinal);
        Assert.Contains($"by <@{QuotaTestKit.ModeratorId}>", text, StringComparison.Ordinal);
        Assert.Contains("> the newest one", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**Refill**", text, StringComparison.Ordinal);
        var older = first.CustomIds.Single(id => id.EndsWith(":next", StringComparison.Ordinal));
        Assert.Equal($"quota:history:2:{QuotaTestKit.MemberId}:next", older);

        var press = await _bot.Discord.ButtonPress(older).On(first).By(QuotaTestKit.ModeratorId, "mod")
            .WithMemberPermissions(QuotaTestKit.ModeratorPermissions).DispatchAsync();
        Assert.Equal(7, (await press.WaitForInitialResponseAsync()).Type);
        var second = await Eventually.Until(() => _bot.Discord.LatestMessage(first.Id)!, m => m.Version > first.Version, "page 2");
        Assert.Contains("Page 2 of 2", second.Text(), StringComparison.Ordinal);
        Assert.Contains("**Refill** +40 → 40", second.Text(), StringComparison.Ordinal);

        // The same button pressed by someone who is no longer a moderator (or never was) changes nothing.
        var sneaky = await _bot.Discord.ButtonPress(older).On(second).By(1100000000000000043, "mallory").DispatchAsync();
        var refusal = await sneaky.PrivateReplyAsync();
        Assert.Contains("Only moderators", refusal.Text(), StringComparison.Ordinal);
        Assert.Equal(second.Version, _bot.Discord.LatestMessage(first.Id)!.Version);
    }

    [Fact]
    public async Task History_of_the_whole_server_names_each_member()
    {
        _bot.Get<ICreditModeration>().Grant(QuotaTestKit.ModeratorId, Ada, 3, "welcome");
        var history = await _bot.Quota("history").DispatchAsync();
        var text = (await history.PrivateReplyAsync()).Text();
        Assert.Contains("Whole server", text, StringComparison.Ordinal);
        Assert.Contains($"<@{QuotaTestKit.MemberId}>", text, StringComparison.Ordinal);
        Assert.Matches(@"· (now|[^·\n]+ ago)\n", text);
    }

    [Fact]
    public async Task Top_ranks_settled_spending_with_ordinals_and_switches_window_with_buttons()
    {
        var ledger = _bot.Get<ICreditLedger>();
        Spend(ledger, QuotaTestKit.MemberId, 3);
        Spend(ledger, 1100000000000000043, 5);
        Spend(ledger, 1100000000000000044, 1);

        var top = await _bot.Quota("top").WithString("period", "month").DispatchAsync();
        var reply = await top.PrivateReplyAsync();
        var lines = reply.Text().Split('\n');
        Assert.Contains(lines, line => line.Contains("**1st** <@1100000000000000043> — 20 credits · 5 images", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"**2nd** <@{QuotaTestKit.MemberId}> — 12 credits · 3 images", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("**3rd** <@1100000000000000044> — 4 credits · 1 image", StringComparison.Ordinal));
        Assert.Contains("Top spenders — this month", reply.Text(), StringComparison.Ordinal);

        var allTime = await _bot.Discord.ButtonPress("quota:top:all:1:w").On(reply).By(QuotaTestKit.ModeratorId, "mod")
            .WithMemberPermissions(QuotaTestKit.ModeratorPermissions).DispatchAsync();
        await allTime.WaitForInitialResponseAsync();
        var updated = await Eventually.Until(() => _bot.Discord.LatestMessage(reply.Id)!, m => m.Version > reply.Version, "the all-time view");
        Assert.Contains("Top spenders — all time", updated.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_without_spending_says_so()
    {
        var top = await _bot.Quota("top").DispatchAsync();
        Assert.Contains("Nobody has spent any credits yet (today)", (await top.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_render_the_quota_configuration_at_a_glance()
    {
        await _bot.SetLogChannelAsync();
        var moderation = _bot.Get<ICreditModeration>();
        moderation.SetAllowance(BotHarness.GuildId, QuotaTestKit.ModeratorId, 100, target: AllowanceTarget.Role(1100000000000000555));
        moderation.Block(QuotaTestKit.ModeratorId, Ada, "spam");

        var settings = await _bot.Quota("settings").DispatchAsync();
        var reply = await settings.PrivateReplyAsync();
        Assert.Contains("Quota settings", reply.Text(), StringComparison.Ordinal);
        Assert.Equal("40 credits every day (bot default)", reply.Field("Default allowance"));
        Assert.StartsWith("Every day (bot default)\nRefills in ", reply.Field("Refills"), StringComparison.Ordinal);
        Assert.Equal("UTC", reply.Field("Time zone"));
        Assert.Equal("<@&1100000000000000555>: 100 credits", reply.Field("Role allowances (the best of a member's roles counts)"));
        Assert.Equal("1", reply.Field("Blocked members"));
        Assert.Equal("2K 4 credits · 3K 4 credits", reply.Field("Cost per image"));
        Assert.Equal("off", reply.Field("Direct messages"));
        Assert.Equal($"<#{QuotaTestKit.LogChannelId}>", reply.Field("Log channel"));
        Assert.Equal("0 terms — /quota banlist list", reply.Field("Prompt ban list"));
        Assert.DoesNotContain(_bot.Discord.Token, reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_attaches_the_ledger_as_a_csv_that_parses()
    {
        var grant = await _bot.Quota("grant").WithMember("user", QuotaTestKit.MemberId, "ada").WithInteger("amount", 10)
            .WithString("reason", "prize, \"first\" place").DispatchAsync();
        await grant.PrivateReplyAsync();

        var export = await _bot.Quota("export").DispatchAsync();
        var response = await export.WaitForInitialResponseAsync();
        Assert.Equal(5, response.Type);
        Assert.True(response.IsEphemeral);
        var reply = await export.PrivateReplyAsync();

        var file = Assert.Single(reply.Attachments);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Matches($@"^ledger-{BotHarness.GuildId}-\d{{4}}-\d{{2}}-\d{{2}}\.csv$", file.Filename);
        Assert.Contains(date[..7], file.Filename, StringComparison.Ordinal);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Contains("2 entries", reply.Text(), StringComparison.Ordinal);

        var rows = CsvRows.Parse(Encoding.UTF8.GetString(file.Content));
        Assert.Equal(CreditCsv.Columns, rows[0]);
        var grantRow = Assert.Single(rows.Skip(1), row => row[2] == "grant");
        Assert.Equal(QuotaTestKit.MemberId.ToString(CultureInfo.InvariantCulture), grantRow[4]);
        Assert.Equal(QuotaTestKit.ModeratorId.ToString(CultureInfo.InvariantCulture), grantRow[5]);
        Assert.Equal("10", grantRow[6]);
        Assert.Equal("40", grantRow[7]);
        Assert.Equal("50", grantRow[8]);
        Assert.Equal("prize, \"first\" place", grantRow[11]);
    }

    [Fact]
    public async Task An_export_over_the_upload_limit_is_gzipped_and_still_whole()
    {
        var moderation = _bot.Get<ICreditModeration>();
        for (var i = 0; i < 40; i++)
        {
            moderation.Grant(QuotaTestKit.ModeratorId, Ada, 1, "the same long reason, over and over, compresses very well");
        }

        var export = await _bot.Quota("export").WithAttachmentSizeLimit(2_000).DispatchAsync();
        var reply = await export.PrivateReplyAsync();
        var file = Assert.Single(reply.Attachments);
        Assert.EndsWith(".csv.gz", file.Filename, StringComparison.Ordinal);
        Assert.Equal("application/gzip", file.ContentType);
        Assert.True(file.Size <= 2_000);
        Assert.Contains("gzip-compressed", reply.Text(), StringComparison.Ordinal);

        using var gzip = new GZipStream(new MemoryStream(file.Content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var rows = CsvRows.Parse(await reader.ReadToEndAsync());
        Assert.Equal(42, rows.Count);
    }

    [Fact]
    public async Task An_empty_ledger_exports_nothing_and_says_so()
    {
        var export = await _bot.Quota("export").DispatchAsync();
        var reply = await export.PrivateReplyAsync();
        Assert.Empty(reply.Attachments);
        Assert.Contains("nothing to export", reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_channel_can_move_and_be_turned_off_and_both_channels_are_told()
    {
        const ulong next = 1100000000000000778;
        await _bot.SetLogChannelAsync();

        var move = await _bot.Quota("log-channel").WithChannel("channel", next, "new-log").DispatchAsync();
        await move.PrivateReplyAsync();
        await _bot.Discord.WaitForMessageAsync(next, m => m.Text().Contains("Quota log channel set", StringComparison.Ordinal));
        await _bot.Discord.WaitForMessageAsync(QuotaTestKit.LogChannelId, m => m.Text().Contains($"moved the quota log to <#{next}>", StringComparison.Ordinal));
        Assert.Equal(next, _bot.Get<ICreditModeration>().GetSettings(BotHarness.GuildId).LogChannelId);

        var off = await _bot.Quota("log-channel").DispatchAsync();
        Assert.Contains("Quota log turned off", (await off.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
        await _bot.Discord.WaitForMessageAsync(next, m => m.Text().Contains("turned the quota log off", StringComparison.Ordinal));
        Assert.Null(_bot.Get<ICreditModeration>().GetSettings(BotHarness.GuildId).LogChannelId);

        var none = await _bot.Quota("log-channel").DispatchAsync();
        Assert.Contains("No log channel is set", (await none.PrivateReplyAsync()).Text(), StringComparison.Ordinal);
    }

    private void Spend(ICreditLedger ledger, ulong userId, int images)
    {
        var member = new CreditMember(new CreditScope(BotHarness.GuildId, userId), []);
        for (var i = 0; i < images; i++)
        {
            var id = $"gen-top-{userId}-{i}";
            Assert.Equal(HoldStatus.Placed, ledger.TryHold(member, id, 4).Status);
            Assert.NotNull(ledger.Settle(id));
        }
    }
}
