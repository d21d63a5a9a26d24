using System.Text.Json.Nodes;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>Uploads: payload_json plus files[n], each paired with attachments[].id "n", bytes intact.</summary>
public sealed class MultipartTests
{
    [Fact]
    public async Task Files_on_an_initial_response_are_paired_by_index_and_arrive_byte_for_byte()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        var first = TestImages.Png(4, 3, 0x10);
        var second = TestImages.Png(2, 2, 0xF0);

        await harness.Client.CreateInteractionResponseAsync(
            interaction.Id,
            interaction.Token,
            InteractionResponse.Message(new InteractionCallbackData
            {
                Content = "Here you go",
                Embeds = [new EmbedBuilder().WithTitle("Result").WithImage("attachment://seedream-1.png").Build()],
            }),
            [new DiscordFile("seedream-1.png", first, "image/png", "A lighthouse"), new DiscordFile("seedream-2.png", second, "image/png")],
            maxFileSize: interaction.AttachmentSizeLimit);

        var call = Assert.Single(harness.Server.Calls);
        Assert.True(call.IsMultipart);
        var attachments = call.Json!["data"]!["attachments"]!.AsArray();
        Assert.Equal(["0", "1"], attachments.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(["seedream-1.png", "seedream-2.png"], attachments.Select(a => a!["filename"]!.GetValue<string>()));
        Assert.Equal("A lighthouse", attachments[0]!["description"]!.GetValue<string>());
        Assert.Equal(["files[0]", "files[1]"], call.Files.Select(f => f.Name));
        Assert.Equal("image/png", call.Files.First().ContentType);

        var message = interaction.Original!;
        Assert.Equal(["seedream-1.png", "seedream-2.png"], message.Attachments.Select(a => a.Filename));
        Assert.Equal(first, message.Attachments[0].Content);
        Assert.Equal(second, message.Attachments[1].Content);
        Assert.Equal("A lighthouse", message.Attachments[0].Description);
        Assert.Equal(4, message.Attachments[0].Width);
        Assert.Equal("attachment://seedream-1.png", message.Embeds[0]!["image"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editing_the_original_keeps_listed_attachments_and_drops_the_others()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        var applicationId = harness.Server.ApplicationId;
        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());
        var withTwo = await harness.Client.EditOriginalResponseAsync(applicationId, interaction.Token, new MessageEdit { Content = "v1" },
            [new DiscordFile("a.png", TestImages.Png(1, 1), "image/png"), new DiscordFile("b.png", TestImages.Png(1, 1), "image/png")]);

        var replacement = TestImages.Png(5, 5);
        var edited = await harness.Client.EditOriginalResponseAsync(applicationId, interaction.Token,
            new MessageEdit { Content = "v2", Attachments = [AttachmentReference.Keep(withTwo.Attachments[0])] },
            [new DiscordFile("c.png", replacement, "image/png")]);

        Assert.Equal(["a.png", "c.png"], edited.Attachments.Select(a => a.Filename));
        var final = interaction.Original!;
        Assert.Equal("v2", final.Content);
        Assert.Equal(["a.png", "c.png"], final.Attachments.Select(a => a.Filename));
        Assert.Equal(replacement, final.Attachments[1].Content);
        var payload = harness.Server.Calls[^1].Json!["attachments"]!.AsArray();
        Assert.Equal([withTwo.Attachments[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "0"], payload.Select(a => a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Follow_ups_and_channel_messages_upload_the_same_way()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message("started"));
        var bytes = TestImages.Png(6, 6);

        await harness.Client.CreateFollowupAsync(harness.Server.ApplicationId, interaction.Token, new FollowupMessageCreate { Content = "variant" }, [new DiscordFile("v.png", bytes, "image/png")]);
        await harness.Client.CreateMessageAsync(33, new MessageCreate { Content = "delivered late", Nonce = "job-7", EnforceNonce = true }, [new DiscordFile("late.png", bytes, "image/png")]);

        Assert.Equal(bytes, Assert.Single(Assert.Single(interaction.Followups).Attachments).Content);
        Assert.Equal(bytes, Assert.Single(Assert.Single(harness.Server.Messages(33)).Attachments).Content);
    }

    [Fact]
    public async Task The_fake_refuses_files_without_a_matching_attachments_entry()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        using var http = new HttpClient();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("""{"content":"x","attachments":[{"id":"1","filename":"a.png"}]}""", System.Text.Encoding.UTF8, "application/json"), "payload_json");
        content.Add(new ByteArrayContent([1, 2, 3]), "files[0]", "a.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.Server.ApiBaseUrl + "/channels/5/messages") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + harness.Server.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com, 1.0)");

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.NotNull(body["errors"]!["attachments"]!["0"]!["id"]);
        Assert.NotNull(body["errors"]!["files[0]"]);
        Assert.Empty(harness.Server.Messages(5));
        Assert.Contains(await harness.Server.TakeContractViolationsAsync(), v => v.Contains("files[0] has no attachments entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_interaction_overloads_take_ids_token_and_upload_limit_from_the_interaction()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var dispatched = await harness.Server.SlashCommand("imagine").WithAttachmentSizeLimit(4096).DispatchAsync();
        var interaction = SeedreamBot.Discord.Json.DiscordJson.ReadInteraction(System.Text.Json.JsonSerializer.SerializeToElement(harness.Gateway.Dispatched.Single().Data));
        var client = harness.Client;

        await client.RespondAsync(interaction, InteractionResponse.Defer());
        await client.EditOriginalResponseAsync(interaction, new MessageEdit { Content = "done" }, [new DiscordFile("ok.png", TestImages.Png(2, 2), "image/png")]);
        await client.CreateFollowupAsync(interaction, new FollowupMessageCreate { Content = "more" });

        await Assert.ThrowsAsync<SeedreamBot.Discord.Models.Validation.DiscordValidationException>(() =>
            client.EditOriginalResponseAsync(interaction, new MessageEdit(), [new DiscordFile("big.png", new byte[5000], "image/png")]));
        Assert.Equal("done", dispatched.Original!.Content);
        Assert.Single(dispatched.Original.Attachments);
        Assert.Equal("more", Assert.Single(dispatched.Followups).Content);
    }
}
