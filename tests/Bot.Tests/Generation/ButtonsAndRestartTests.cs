using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>Buttons and modals keep working across restarts; crashes never lose or double-charge an image.</summary>
public sealed class ButtonsAndRestartTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Reroll_pressed_after_a_restart_makes_a_new_image_with_the_same_parameters_and_charges_again()
    {
        var first = await ImagineAsync(60, "a red fox in snow", aspect: "3:2");
        await _bot.SettledBalanceAsync(60);

        await _bot.RestartBotAsync();

        var press = await _bot.Discord.ButtonPress("gen:reroll:" + first.GenerationId()).On(first).By(60, "fox").DispatchAsync();
        Assert.Equal(5, (await press.WaitForInitialResponseAsync()).Type);
        var second = await press.WaitForResultAsync();

        Assert.NotEqual(first.GenerationId(), second.GenerationId());
        var bodies = _bot.GenerateBodies();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0]["prompt"]!.ToJsonString(), bodies[1]["prompt"]!.ToJsonString());
        Assert.Equal("3:2", bodies[1]["seedreamParams"]!["aspect_ratio"]!.GetValue<string>());
        Assert.Equal(32, (await _bot.SettledBalanceAsync(60)).Available);
        Assert.Equal(GenerationOrigin.Reroll, _bot.Generation(second.GenerationId()).Origin);
    }

    [Fact]
    public async Task Edit_pressed_after_a_restart_opens_a_modal_and_edits_the_result_image()
    {
        var first = await ImagineAsync(61, "a wooden cabin");
        await _bot.RestartBotAsync();

        var press = await _bot.Discord.ButtonPress("gen:edit:" + first.GenerationId()).On(first).By(61, "cab").DispatchAsync();
        var modal = await press.WaitForInitialResponseAsync();
        Assert.Equal(9, modal.Type);
        Assert.Equal("gen:editprompt:" + first.GenerationId(), modal.ModalCustomId);

        var submit = await _bot.Discord.ModalSubmit(modal.ModalCustomId!)
            .FromMessage(first)
            .WithValue("prompt", "now in winter, covered in snow")
            .By(61, "cab")
            .DispatchAsync();
        var edited = await submit.WaitForResultAsync();

        Assert.Contains("edited", edited.EmbedTitles.First(), StringComparison.Ordinal);
        var body = _bot.GenerateBodies()[^1];
        Assert.Equal("now in winter, covered in snow", body["prompt"]!.GetValue<string>());
        // The result's own file, with the link Discord signed afresh for this interaction.
        var input = Assert.Single(body["seedreamParams"]!["image_input"]!.AsArray())!.GetValue<string>();
        Assert.Equal(first.Attachments[0].Url.Split('?')[0], input.Split('?')[0]);
        Assert.Equal("match_input_image", body["seedreamParams"]!["aspect_ratio"]!.GetValue<string>());
        Assert.Equal(GenerationOrigin.EditResult, _bot.Generation(edited.GenerationId()).Origin);
    }

    [Fact]
    public async Task Someone_else_pressing_a_result_button_is_told_privately_and_nothing_happens()
    {
        var first = await ImagineAsync(62, "a lighthouse");

        var press = await _bot.Discord.ButtonPress("gen:reroll:" + first.GenerationId()).On(first).By(99, "other").DispatchAsync();
        var reply = await press.WaitForPrivateReplyAsync();

        Assert.Equal("Only the person who asked for this image can use these buttons.", reply);
        Assert.Single(_bot.GenerateBodies());
    }

    [Fact]
    public async Task Delete_removes_the_result_for_the_requester_but_not_for_others()
    {
        var first = await ImagineAsync(63, "a teapot");

        var stranger = await _bot.Discord.ButtonPress("gen:delete:" + first.GenerationId()).On(first).By(98, "other").DispatchAsync();
        Assert.Contains("or a moderator", await stranger.WaitForPrivateReplyAsync(), StringComparison.Ordinal);
        Assert.False(_bot.Discord.LatestMessage(first.Id)!.Deleted);

        var owner = await _bot.Discord.ButtonPress("gen:delete:" + first.GenerationId()).On(first).By(63, "tea").DispatchAsync();
        await owner.WaitForInitialResponseAsync();
        await Eventually.Until(() => _bot.Discord.LatestMessage(first.Id)?.Deleted ?? true, "the result message to be deleted");
    }

    [Fact]
    public async Task A_moderator_may_delete_anyones_result()
    {
        var first = await ImagineAsync(64, "a kite");

        var moderator = await _bot.Discord.ButtonPress("gen:delete:" + first.GenerationId()).On(first)
            .By(97, "mod").WithMemberPermissions(1UL << 5).DispatchAsync();
        await moderator.WaitForInitialResponseAsync();

        await Eventually.Until(() => _bot.Discord.LatestMessage(first.Id)?.Deleted ?? true, "the result message to be deleted");
    }

    [Fact]
    public async Task Edit_with_Seedream_collects_the_message_images_and_its_modal_starts_an_edit()
    {
        var target = _bot.Discord.AddUserMessage(
            BotHarness.ChannelId,
            "look at these",
            [new FakeUpload(GenerationTestKit.SmallPng(1), "one.png"), new FakeUpload("x"u8.ToArray(), "notes.txt", "text/plain"), new FakeUpload(GenerationTestKit.SmallPng(2), "two.png")]);

        var command = await _bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(65, "me").DispatchAsync();
        var modal = await command.WaitForInitialResponseAsync();
        Assert.Equal(9, modal.Type);
        Assert.StartsWith("gen:msgedit:", modal.ModalCustomId, StringComparison.Ordinal);

        var submit = await _bot.Discord.ModalSubmit(modal.ModalCustomId!).WithValue("prompt", "make both black and white").By(65, "me").DispatchAsync();
        var result = await submit.WaitForResultAsync();

        var parameters = _bot.GenerateBodies()[^1]["seedreamParams"]!;
        var inputs = parameters["image_input"]!.AsArray().Select(url => url!.GetValue<string>()).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Contains("one.png", inputs[0], StringComparison.Ordinal);
        Assert.Contains("two.png", inputs[1], StringComparison.Ordinal);
        Assert.Equal(GenerationOrigin.MessageEdit, _bot.Generation(result.GenerationId()).Origin);
    }

    [Fact]
    public async Task Edit_with_Seedream_on_a_message_without_images_says_so_privately()
    {
        var target = _bot.Discord.AddUserMessage(BotHarness.ChannelId, "just words");

        var command = await _bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(66, "me").DispatchAsync();

        Assert.Contains("no images I can edit", await command.WaitForPrivateReplyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_lists_the_members_images_with_rerun_buttons()
    {
        await ImagineAsync(67, "first picture");
        await ImagineAsync(67, "second picture");

        var history = await _bot.Discord.SlashCommand("history").By(67, "me").DispatchAsync();
        await history.WaitForInitialResponseAsync();
        var page = await history.WaitForOriginalAsync();

        Assert.True(page.IsEphemeral);
        var text = page.Description();
        Assert.True(text.IndexOf("second picture", StringComparison.Ordinal) < text.IndexOf("first picture", StringComparison.Ordinal));
        Assert.Equal(2, page.CustomIds.Count(id => id.StartsWith("gen:rerun:", StringComparison.Ordinal)));
    }

    private async Task<FakeMessage> ImagineAsync(ulong userId, string prompt, string? aspect = null)
    {
        var command = _bot.Discord.SlashCommand("imagine").By(userId, "member").WithString("prompt", prompt);
        if (aspect is not null)
        {
            command.WithString("aspect", aspect);
        }

        var interaction = await command.DispatchAsync();
        var result = await interaction.WaitForResultAsync();
        await _bot.SettledBalanceAsync(userId);
        return result;
    }
}
