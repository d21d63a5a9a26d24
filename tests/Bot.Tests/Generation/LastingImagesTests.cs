using System.Text.Json.Nodes;
using SeedreamBot.Core.Images;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// Images that last and fit, over the wire with unforgiving fakes: Discord's CDN links die after a day, Apiframe
/// fetches every input link and deletes results, and the deployment's clock jumps weeks ahead.
/// </summary>
[Collection(LargeImageCollection.Name)]
public sealed class LastingImagesTests : IAsyncLifetime
{
    private const long TenMiB = 10L * 1024 * 1024;

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions
    {
        // Kept copies outlive the 30 simulated days of the history test, then go.
        Settings = { ["Storage:ImagesRetention"] = "45.00:00:00" },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Reroll_of_an_edit_with_two_attachments_a_week_later_delivers_a_new_image_and_charges_once()
    {
        var cat = FakeImages.Png(40, 30, seed: 1);
        var dog = FakeImages.Png(30, 40, seed: 2);
        var edit = await _bot.Discord.SlashCommand("edit").By(80, "ann")
            .WithString("prompt", "put them on one sofa")
            .WithAttachment("image", cat, "cat.png")
            .WithAttachment("image2", dog, "dog.png")
            .DispatchAsync();
        var first = await edit.WaitForResultAsync();
        Assert.Equal(36, (await _bot.SettledBalanceAsync(80)).Available);
        var firstInputs = Inputs(_bot.GenerateBodies()[0]);

        _bot.Clock.Advance(TimeSpan.FromDays(7));

        // Discord's links of a week ago are dead, as they would be.
        using var http = new HttpClient();
        using (var expired = await http.GetAsync(new Uri(firstInputs[0])))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, expired.StatusCode);
            Assert.Equal("This content is no longer available.", await expired.Content.ReadAsStringAsync());
        }

        var press = await _bot.Discord.ButtonPress("gen:reroll:" + first.GenerationId()).On(first).By(80, "ann").DispatchAsync();
        var second = await press.WaitForResultAsync();

        Assert.NotEqual(first.GenerationId(), second.GenerationId());
        var rerollInputs = Inputs(_bot.GenerateBodies()[1]);
        Assert.Equal(2, rerollInputs.Count);
        Assert.DoesNotContain(rerollInputs, url => firstInputs.Contains(url));
        Assert.All(rerollInputs, url => Assert.StartsWith(_bot.Apiframe.BaseUrl.AbsoluteUri + "cdn/uploads/", url, StringComparison.Ordinal));
        Assert.Equal([cat, dog], _bot.Apiframe.Uploads.Select(upload => upload.Content));
        var job = _bot.Apiframe.Jobs[^1];
        Assert.Equal("COMPLETED", job.Status);
        Assert.Null(job.InputFetchError);

        // The week refilled the allowance to 40; the re-roll cost 4, once.
        var balance = await _bot.SettledBalanceAsync(80);
        Assert.Equal(36, balance.Available);
        Assert.Equal(2, _bot.Apiframe.JobsCreated);
    }

    [Fact]
    public async Task Reroll_of_an_edited_result_a_week_later_asks_Discord_for_a_fresh_link_to_the_result()
    {
        var imagine = await _bot.Discord.SlashCommand("imagine").By(81, "bo").WithString("prompt", "a harbour").DispatchAsync();
        var original = await imagine.WaitForResultAsync();
        var edit = await _bot.Discord.ButtonPress("gen:edit:" + original.GenerationId()).On(original).By(81, "bo").DispatchAsync();
        var modal = await edit.WaitForInitialResponseAsync();
        var submit = await _bot.Discord.ModalSubmit(modal.ModalCustomId!).FromMessage(original).WithValue("prompt", "at night").By(81, "bo").DispatchAsync();
        var edited = await submit.WaitForResultAsync();
        await _bot.SettledBalanceAsync(81);
        var staleInput = Assert.Single(Inputs(_bot.GenerateBodies()[^1]));

        _bot.Clock.Advance(TimeSpan.FromDays(7));
        var press = await _bot.Discord.ButtonPress("gen:reroll:" + edited.GenerationId()).On(edited).By(81, "bo").DispatchAsync();
        await press.WaitForResultAsync();

        var freshInput = Assert.Single(Inputs(_bot.GenerateBodies()[^1]));
        Assert.NotEqual(staleInput, freshInput);
        Assert.Equal(staleInput.Split('?')[0], freshInput.Split('?')[0]);
        Assert.Contains(_bot.Discord.Calls, call => call.Method == "GET" && call.Route == "/channels/{channel_id}/messages/{message_id}"
                                                   && call.Path.EndsWith("/" + original.Id, StringComparison.Ordinal));
        Assert.Equal("COMPLETED", _bot.Apiframe.Jobs[^1].Status);
        Assert.Equal(36, (await _bot.SettledBalanceAsync(81)).Available);
    }

    [Fact]
    public async Task History_rerun_after_30_days_works_while_the_copy_is_kept_and_says_clearly_once_it_is_gone()
    {
        var edit = await _bot.Discord.SlashCommand("edit").By(82, "cy")
            .WithString("prompt", "make it autumn")
            .WithAttachment("image", FakeImages.Png(20, 20, seed: 3), "garden.png")
            .DispatchAsync();
        var first = await edit.WaitForResultAsync();
        await _bot.SettledBalanceAsync(82);

        _bot.Clock.Advance(TimeSpan.FromDays(30));
        var rerun = await RerunFromHistoryAsync(82, first.GenerationId());
        await rerun.WaitForResultAsync();
        Assert.Equal(36, (await _bot.SettledBalanceAsync(82)).Available);
        Assert.Single(_bot.Apiframe.Uploads);

        // 46 days without use: past Storage:ImagesRetention, the copy is gone.
        _bot.Clock.Advance(TimeSpan.FromDays(46));
        var jobsBefore = _bot.Apiframe.JobsCreated;
        var gone = await RerunFromHistoryAsync(82, first.GenerationId());
        var reply = await gone.WaitForPrivateReplyAsync();

        Assert.Contains("Input image 1 (“garden.png”) is no longer available", reply, StringComparison.Ordinal);
        Assert.Contains("Attach it again with /edit.", reply, StringComparison.Ordinal);
        Assert.EndsWith("You were not charged.", reply, StringComparison.Ordinal);
        var balance = _bot.Balance(82);
        Assert.Equal((40, 0), (balance.Available, balance.Held));
        Assert.Equal(jobsBefore, _bot.Apiframe.JobsCreated);
        Assert.Single(_bot.Apiframe.Uploads);
    }

    [Fact]
    public async Task A_3K_result_of_about_18_MB_arrives_attached_under_10_MiB_with_a_note_and_is_charged_once()
    {
        _bot.Apiframe.PhotoResults = true;
        FakePhotoCache.Get(4096, 2304); // made once per test run, outside the wait

        var interaction = await _bot.Discord.SlashCommand("imagine").By(83, "di")
            .WithString("prompt", "a mountain lake at sunrise")
            .WithString("size", "3K")
            .WithString("aspect", "16:9")
            .WithAttachmentSizeLimit(TenMiB)
            .DispatchAsync();
        var final = await WaitForLargeResultAsync(interaction);

        var original = await DownloadOriginalAsync();
        Assert.InRange(original.Length, 16_000_000, 20_000_000);
        var attachment = Assert.Single(final.Attachments);
        Assert.InRange(attachment.Size, 1, TenMiB);
        Assert.Equal("attachment://" + attachment.Filename, final.EmbedImageUrl());
        Assert.EndsWith(".jpg", attachment.Filename, StringComparison.Ordinal);
        using (var decoded = SixLabors.ImageSharp.Image.Load(attachment.Content))
        {
            Assert.Equal(16.0 / 9, (double)decoded.Width / decoded.Height, precision: 2);
        }

        Assert.Contains($"Re-encoded from PNG {original.Length / 1e6:0.0} MB to JPEG", final.Description(), StringComparison.Ordinal);
        Assert.Contains("to fit this channel.", final.Description(), StringComparison.Ordinal);
        Assert.Contains("[Original PNG](" + _bot.Apiframe.Jobs[^1].ImageUrls[0].AbsoluteUri + ")", final.Description(), StringComparison.Ordinal);
        Assert.Equal(36, (await _bot.SettledBalanceAsync(83)).Available);
    }

    [Fact]
    public async Task When_Discord_refuses_an_upload_its_announced_limit_allowed_the_image_is_fitted_smaller_not_linked()
    {
        _bot.Apiframe.PhotoResults = true;
        FakePhotoCache.Get(4096, 2304); // made once per test run, outside the wait
        _bot.Discord.Options.EnforcedMaxFileSize = TenMiB;

        var interaction = await _bot.Discord.SlashCommand("imagine").By(84, "ed")
            .WithString("prompt", "a glacier")
            .WithString("size", "3K")
            .WithString("aspect", "16:9")
            .WithAttachmentSizeLimit(2 * TenMiB)
            .DispatchAsync();
        var final = await WaitForLargeResultAsync(interaction);

        Assert.Contains(_bot.Discord.Calls, call => call.StatusCode == 413);
        var attachment = Assert.Single(final.Attachments);
        Assert.InRange(attachment.Size, 1, TenMiB);
        Assert.Contains("Re-encoded from PNG", final.Description(), StringComparison.Ordinal);
        Assert.Equal(36, (await _bot.SettledBalanceAsync(84)).Available);
    }

    [Fact]
    public async Task Edit_with_Seedream_refuses_an_embedded_image_that_is_not_on_Discord()
    {
        var target = _bot.Discord.AddUserMessage(
            BotHarness.ChannelId,
            "look",
            [new FakeUpload(FakeImages.Png(16, 16, seed: 4), "real.png")],
            embeds: [new JsonObject { ["image"] = new JsonObject { ["url"] = "https://images.example.com/tracker.png" } }]);

        var command = await _bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(85, "fi").DispatchAsync();
        var modal = await command.WaitForInitialResponseAsync();

        Assert.Equal(9, modal.Type);
        var note = modal.Data!["components"]!.AsArray().Select(c => c!["content"]?.GetValue<string>()).OfType<string>().Single();
        Assert.Contains("Image 2 is linked from https://images.example.com, not from Discord", note, StringComparison.Ordinal);

        var submit = await _bot.Discord.ModalSubmit(modal.ModalCustomId!).WithValue("prompt", "in watercolour").By(85, "fi").DispatchAsync();
        await submit.WaitForResultAsync();
        var input = Assert.Single(Inputs(_bot.GenerateBodies()[^1]));
        Assert.Contains("/real.png", input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_with_Seedream_on_a_message_whose_only_image_is_elsewhere_explains_privately()
    {
        var target = _bot.Discord.AddUserMessage(
            BotHarness.ChannelId,
            "look",
            embeds: [new JsonObject { ["image"] = new JsonObject { ["url"] = "http://127.0.0.1:1/internal.png" } }]);

        var command = await _bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(86, "gu").DispatchAsync();
        var reply = await command.WaitForPrivateReplyAsync();

        Assert.Contains("None of the images on that message can be edited", reply, StringComparison.Ordinal);
        Assert.Contains("Image 1 is linked from http://127.0.0.1:1", reply, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }

    [Fact]
    public async Task An_attachment_that_is_not_an_image_by_its_bytes_is_refused_before_anything_is_held()
    {
        var interaction = await _bot.Discord.SlashCommand("edit").By(87, "ha")
            .WithString("prompt", "sharpen it")
            .WithAttachment("image", "<html>surprise</html>"u8.ToArray(), "photo.png", "image/png")
            .DispatchAsync();
        var reply = await interaction.WaitForPrivateReplyAsync();

        Assert.Contains("“photo.png” is not a PNG, JPEG, WebP or GIF image", reply, StringComparison.Ordinal);
        Assert.Equal((40, 0), (_bot.Balance(87).Available, _bot.Balance(87).Held));
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }

    /// <summary>A 3K photo is re-encoded (maybe twice) while other tests share the two cores: a generous wait.</summary>
    private static Task<FakeMessage> WaitForLargeResultAsync(FakeInteraction interaction) =>
        interaction.WaitForOriginalAsync(message => GenerationTestKit.HasTitle(message, "Here's your"), TimeSpan.FromSeconds(60));

    private async Task<FakeInteraction> RerunFromHistoryAsync(ulong userId, string generationId)
    {
        var history = await _bot.Discord.SlashCommand("history").By(userId, "member").DispatchAsync();
        var page = await history.WaitForOriginalAsync(message => message.CustomIds.Any());
        return await _bot.Discord.ButtonPress("gen:rerun:" + generationId).On(page).By(userId, "member").DispatchAsync();
    }

    private async Task<byte[]> DownloadOriginalAsync()
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(_bot.Apiframe.Jobs[^1].ImageUrls[0]);
    }

    private static List<string> Inputs(JsonObject body) =>
        [.. (body["seedreamParams"]!["image_input"]?.AsArray() ?? []).Select(url => url!.GetValue<string>())];
}
