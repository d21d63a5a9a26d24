using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Shared;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

public sealed class ImagineEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Imagine_text_only_delivers_the_image_in_the_same_message_and_charges_once()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(42, "ada")
            .WithString("prompt", "a lighthouse at dawn, film grain")
            .WithString("aspect", "16:9")
            .DispatchAsync();

        var response = await interaction.WaitForInitialResponseAsync();
        Assert.Equal(5, response.Type);
        Assert.False(response.IsEphemeral);

        var final = await interaction.WaitForResultAsync();
        Assert.Contains("a lighthouse at dawn", final.Description(), StringComparison.Ordinal);
        Assert.StartsWith("attachment://", final.EmbedImageUrl(), StringComparison.Ordinal);
        var attachment = Assert.Single(final.Attachments);
        Assert.True(FakeImages.IsPng(attachment.Content));
        Assert.Contains(final.CustomIds, id => id.StartsWith("gen:reroll:", StringComparison.Ordinal));
        Assert.Contains(final.CustomIds, id => id.StartsWith("gen:edit:", StringComparison.Ordinal));
        Assert.Contains(final.CustomIds, id => id.StartsWith("gen:delete:", StringComparison.Ordinal));

        var fields = final.Embeds[0]!["fields"]!.AsArray().Select(field => field!["name"]!.GetValue<string>() + "=" + field["value"]!.GetValue<string>()).ToList();
        Assert.Contains("Size=2K", fields);
        Assert.Contains("Aspect=16:9 · widescreen", fields);
        Assert.Contains("Format=PNG", fields);
        Assert.Contains("Cost=4 credits", fields);
        Assert.Contains("Balance after=36 credits", fields);
        Assert.Contains("Model=seedream-5-lite", fields);

        var balance = await _bot.SettledBalanceAsync(42);
        Assert.Equal(36, balance.Available);
        Assert.Equal(1, balance.ImagesMade);
        Assert.Equal(1, _bot.Apiframe.JobsCreated);

        var body = Assert.Single(_bot.GenerateBodies());
        Assert.Equal("seedream-5-lite", body["model"]!.GetValue<string>());
        Assert.Equal("16:9", body["seedreamParams"]!["aspect_ratio"]!.GetValue<string>());
        Assert.Null(body["seedreamParams"]!["image_input"]);

        // Every body the bot sent went through the fakes' contract checks (a violation fails the test at dispose):
        // against the OpenAPI documents wherever ../shared is present.
        await _bot.WaitForIdleAsync();
        Assert.Empty(await _bot.Discord.TakeContractViolationsAsync());
        Assert.Empty(await _bot.Apiframe.TakeContractViolationsAsync());
        Assert.True(_bot.Discord.ContractChecks >= 3, $"{_bot.Discord.ContractChecks} Discord bodies checked");
        Assert.True(_bot.Apiframe.ContractChecks >= 1, $"{_bot.Apiframe.ContractChecks} Apiframe bodies checked");
        Assert.Equal(SharedReference.TryFind("discord-openapi", "openapi.json") is not null, _bot.Discord.ChecksOpenApiContract);
        Assert.Equal(SharedReference.TryFind("apiframe", "openapi.json") is not null, _bot.Apiframe.ChecksOpenApiContract);
    }

    [Fact]
    public async Task Imagine_with_two_reference_images_sends_both_and_matches_the_first_image_by_default()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(43, "bo")
            .WithString("prompt", "these two cats as astronauts")
            .WithAttachment("image", GenerationTestKit.SmallPng(1), "cat1.png")
            .WithAttachment("image2", GenerationTestKit.SmallPng(2), "cat2.png")
            .DispatchAsync();

        var final = await interaction.WaitForResultAsync();

        var body = Assert.Single(_bot.GenerateBodies());
        var inputs = body["seedreamParams"]!["image_input"]!.AsArray().Select(url => url!.GetValue<string>()).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Contains("cat1.png", inputs[0], StringComparison.Ordinal);
        Assert.Contains("cat2.png", inputs[1], StringComparison.Ordinal);
        Assert.Equal("match_input_image", body["seedreamParams"]!["aspect_ratio"]!.GetValue<string>());
        Assert.Contains(final.Embeds[0]!["fields"]!.AsArray(), field => field!["value"]!.GetValue<string>() == "2 images");
    }

    [Fact]
    public async Task Edit_with_three_images_uses_match_input_image_and_the_chosen_size_and_format()
    {
        var interaction = await _bot.Discord.SlashCommand("edit")
            .By(44, "cy")
            .WithString("prompt", "put all three in one group photo")
            .WithAttachment("image", GenerationTestKit.SmallPng(1), "a.png")
            .WithAttachment("image2", FakeImages.Jpeg(), "b.jpg", "image/jpeg")
            .WithAttachment("image3", GenerationTestKit.SmallPng(3), "c.png")
            .WithString("size", "3K")
            .WithString("format", "jpg")
            .DispatchAsync();

        var final = await interaction.WaitForResultAsync();
        Assert.Contains("edited", final.EmbedTitles.First(), StringComparison.Ordinal);

        var parameters = Assert.Single(_bot.GenerateBodies())["seedreamParams"]!;
        Assert.Equal(3, parameters["image_input"]!.AsArray().Count);
        Assert.Equal("match_input_image", parameters["aspect_ratio"]!.GetValue<string>());
        Assert.Equal("3K", parameters["size"]!.GetValue<string>());
        Assert.Equal("jpg", parameters["output_format"]!.GetValue<string>());
        Assert.True(FakeImages.IsJpeg(Assert.Single(final.Attachments).Content));
    }

    [Fact]
    public async Task A_provider_refusal_releases_the_hold_and_says_the_member_was_not_charged()
    {
        _bot.Apiframe.PlanNextJobs(FakeJobPlan.Fails());

        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(45, "di")
            .WithString("prompt", "something the filter dislikes")
            .DispatchAsync();

        var failure = await interaction.WaitForFailureAsync();
        Assert.Contains("safety filter", failure.Description(), StringComparison.Ordinal);
        Assert.Contains("You were not charged.", failure.Description(), StringComparison.Ordinal);
        Assert.Empty(failure.Attachments);

        var balance = await _bot.SettledBalanceAsync(45);
        Assert.Equal(40, balance.Available);
        Assert.Equal(0, balance.ImagesMade);
    }

    [Fact]
    public async Task A_result_larger_than_the_upload_limit_is_re_encoded_and_attached_and_still_charged_once()
    {
        _bot.Apiframe.ResultImageBytes = 600_000;

        var interaction = await _bot.Discord.SlashCommand("imagine")
            .By(46, "ed")
            .WithAttachmentSizeLimit(500_000)
            .WithString("prompt", "a very detailed city at night")
            .DispatchAsync();

        var final = await interaction.WaitForResultAsync();
        var attachment = Assert.Single(final.Attachments);
        Assert.InRange(attachment.Size, 1, 500_000);
        Assert.True(FakeImages.IsJpeg(attachment.Content));
        Assert.Equal("attachment://" + attachment.Filename, final.EmbedImageUrl());
        Assert.Contains("Re-encoded from PNG 0.6 MB to JPEG", final.Description(), StringComparison.Ordinal);
        Assert.Contains("](" + _bot.Apiframe.BaseUrl.AbsoluteUri + "cdn/images/", final.Description(), StringComparison.Ordinal);

        var balance = await _bot.SettledBalanceAsync(46);
        Assert.Equal(36, balance.Available);
    }
}
