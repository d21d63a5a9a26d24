using System.Text.Json.Nodes;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Contracts;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Discord.Tests.Contract;

/// <summary>
/// Every body the REST client sends, as the fake Discord received it over the wire, passes the fake's contract check:
/// Discord's own OpenAPI document with the caveats of reference §7.2 (see <see cref="FakeDiscordServer"/>) and its
/// documented limits. The check itself lives in the fake, so every end-to-end test runs it on the bot's real bodies.
/// </summary>
public sealed class RequestBodyContractTests
{
    [SkippableFact]
    public async Task Every_request_body_the_client_sends_validates_against_Discords_OpenAPI_document()
    {
        Skip.If(SharedReference.TryFind("discord-openapi", "openapi.json") is null, SharedReference.MissingReason);
        await using var harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { Guilds = { new(555, "Second server") } });
        await SendEveryKindOfRequestAsync(harness);

        var violations = await harness.Server.TakeContractViolationsAsync();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
        var bodies = harness.Server.Calls.Where(c => c.Json is not null).ToList();
        Assert.All(bodies, call => Assert.True(call.StatusCode is >= 200 and < 300, $"{call} was refused by the fake: {call.ResponseJson?.ToJsonString()}"));
        Assert.True(harness.Server.ChecksOpenApiContract);
        Assert.Equal(bodies.Count, harness.Server.ContractChecks);
        Assert.Contains(bodies, c => c.Route == "/interactions/{interaction_id}/{interaction_token}/callback" && c.IsMultipart);
        Assert.Contains(bodies, c => c.Route == "/webhooks/{application_id}/{interaction_token}/messages/@original" && c.IsMultipart);
        Assert.Contains(bodies, c => c.Route == "/applications/{application_id}/guilds/{guild_id}/commands");
        Assert.True(bodies.Count >= 15, $"only {bodies.Count} bodies were captured");
    }

    [SkippableFact]
    public async Task The_contract_check_catches_bodies_Discord_would_refuse()
    {
        Skip.If(SharedReference.TryFind("discord-openapi", "openapi.json") is null, SharedReference.MissingReason);
        var spec = await OpenApiDocument.DiscordAsync();
        var callback = spec.RequestSchema("POST", "/interactions/{interaction_id}/{interaction_token}/callback");
        var edit = spec.RequestSchema("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original");

        var longTitle = JsonNode.Parse($$$"""{"type":4,"data":{"embeds":[{"title":"{{{new string('x', 300)}}}"}]}}""")!;
        var longCustomId = JsonNode.Parse($$$"""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"{{{new string('c', 101)}}}"}]}]}""")!;
        var wrongType = JsonNode.Parse("""{"content":5}""")!;
        var typo = JsonNode.Parse("""{"content":"x","embed":[{"title":"t"}]}""")!;
        var good = JsonNode.Parse("""{"content":"x","embeds":[{"title":"t","fields":[{"name":"n","value":"v"}]}]}""")!;

        Assert.NotEmpty(OpenApiDocument.Validate(callback, longTitle));
        Assert.NotEmpty(OpenApiDocument.Validate(edit, longCustomId));
        Assert.NotEmpty(OpenApiDocument.Validate(edit, wrongType));
        Assert.Equal(["embed"], OpenApiDocument.UnknownProperties(edit, typo));
        Assert.Empty(OpenApiDocument.Validate(edit, good));
        Assert.Empty(OpenApiDocument.UnknownProperties(edit, good));
    }

    [Fact]
    public async Task A_body_the_fake_refuses_fails_the_test_when_the_fake_is_disposed()
    {
        // Discord's documented limits are checked with or without ../shared.
        var harness = await DiscordRestHarness.StartAsync();
        var raw = harness.CreateClient(validateLocally: false);
        var fields = Enumerable.Range(0, 26).Select(i => new EmbedField { Name = $"f{i}", Value = "v" }).ToArray();

        await Assert.ThrowsAsync<DiscordHttpException>(() => raw.CreateMessageAsync(10, new MessageCreate { Embeds = [new Embed { Title = "t", Fields = fields }] }));

        var failure = await Assert.ThrowsAsync<FakeContractViolationException>(async () => await harness.DisposeAsync());
        Assert.Contains("POST /channels/{channel_id}/messages", failure.Message, StringComparison.Ordinal);
        Assert.Contains("embeds", failure.Message, StringComparison.Ordinal);
    }

    private static async Task SendEveryKindOfRequestAsync(DiscordRestHarness harness)
    {
        var server = harness.Server;
        var client = harness.Client;
        var appId = server.ApplicationId;
        var png = TestImages.Png(4, 4);

        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "imagine",
                Description = "Create an image with Seedream",
                NameLocalizations = new Dictionary<string, string> { ["de"] = "bild" },
                DescriptionLocalizations = new Dictionary<string, string> { ["de"] = "Ein Bild erstellen" },
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                Nsfw = false,
                Options =
                [
                    new() { Type = ApplicationCommandOptionType.String, Name = "prompt", Description = "What to draw", Required = true, MinLength = 1, MaxLength = 1500 },
                    new() { Type = ApplicationCommandOptionType.String, Name = "ratio", Description = "Aspect ratio", Choices = [ApplicationCommandOptionChoice.Of("Square", "1:1"), ApplicationCommandOptionChoice.Of("Wide", "16:9")] },
                    new() { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many", MinValue = 1, MaxValue = 4 },
                    new() { Type = ApplicationCommandOptionType.Number, Name = "strength", Description = "Edit strength", MinValue = 0.1, MaxValue = 1 },
                    new() { Type = ApplicationCommandOptionType.Boolean, Name = "private", Description = "Only you see it" },
                    new() { Type = ApplicationCommandOptionType.Attachment, Name = "image", Description = "An image to edit" },
                ],
            },
            new()
            {
                Name = "credits",
                Description = "Credits",
                DefaultMemberPermissions = Permissions.ManageGuild,
                Options =
                [
                    new()
                    {
                        Type = ApplicationCommandOptionType.SubcommandGroup, Name = "admin", Description = "Moderator tools",
                        Options = [new() { Type = ApplicationCommandOptionType.Subcommand, Name = "grant", Description = "Grant credits", Options = [new() { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Who", Required = true }, new() { Type = ApplicationCommandOptionType.Role, Name = "role", Description = "Or a role" }] }],
                    },
                    new() { Type = ApplicationCommandOptionType.Subcommand, Name = "balance", Description = "Your balance" },
                ],
            },
            new() { Type = ApplicationCommandType.Message, Name = "Edit with Seedream", DefaultMemberPermissions = Permissions.None },
        ];
        await client.BulkOverwriteGlobalCommandsAsync(appId, commands);
        await client.BulkOverwriteGuildCommandsAsync(appId, 555, [commands[0]]);

        var richEmbed = new EmbedBuilder()
            .WithTitle("A lighthouse at dusk").WithDescription("Seedream 5 Lite · 2048×2048").WithUrl("https://example.com/job/1")
            .WithColor(0x5865F2).WithTimestamp(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero))
            .WithAuthor("alice", iconUrl: "https://cdn.example.com/a.png").WithFooter("1 credit left", "attachment://out.png")
            .WithImage("attachment://out.png").WithThumbnail("https://cdn.example.com/t.png")
            .AddField("Prompt", "a lighthouse", inline: true).AddField("Seed", "42", inline: true).Build();
        Component[] buttons =
        [
            new ActionRowBuilder().AddButton(ButtonStyle.Primary, "again:1", "Again", "🔁").AddButton(ButtonStyle.Danger, "delete:1", "Delete").AddLink("https://example.com/full.png", "Open").Build(),
        ];

        var command = await server.SlashCommand("imagine").WithString("prompt", "a lighthouse").DispatchAsync();
        await client.CreateInteractionResponseAsync(command.Id, command.Token, InteractionResponse.Message(new InteractionCallbackData
        {
            Content = "Done",
            Embeds = [richEmbed],
            Components = buttons,
            AllowedMentions = AllowedMentions.OnlyUsers(command.UserId),
            Flags = MessageFlags.SuppressNotifications,
        }), [new DiscordFile("out.png", png, "image/png", "The result")]);

        var deferred = await server.SlashCommand("imagine").DispatchAsync();
        await client.CreateInteractionResponseAsync(deferred.Id, deferred.Token, InteractionResponse.Defer(ephemeral: true));
        var original = await client.EditOriginalResponseAsync(appId, deferred.Token, new MessageEdit { Content = "Working…", Embeds = [richEmbed], AllowedMentions = AllowedMentions.None }, [new DiscordFile("out.png", png, "image/png")]);
        await client.EditOriginalResponseAsync(appId, deferred.Token, new MessageEdit { Content = "Done", Attachments = [AttachmentReference.Keep(original.Attachments[0])], Components = buttons });
        var followup = await client.CreateFollowupAsync(appId, deferred.Token, new FollowupMessageCreate { Content = "Variant", Flags = MessageFlags.Ephemeral, Embeds = [new Embed { Title = "Variant" }] }, [new DiscordFile("v.png", png, "image/png")]);
        await client.EditFollowupAsync(appId, deferred.Token, followup.Id, new MessageEdit { Content = "Variant (edited)", Embeds = [] });

        var press = await server.ButtonPress("again:1").On(command.Original!).DispatchAsync();
        await client.CreateInteractionResponseAsync(press.Id, press.Token, InteractionResponse.UpdateMessage(new InteractionCallbackData { Content = "Again…", Components = [] }));
        var silent = await server.ButtonPress("delete:1").On(command.Original!).DispatchAsync();
        await client.CreateInteractionResponseAsync(silent.Id, silent.Token, InteractionResponse.DeferUpdate());

        var modalButton = await server.ButtonPress("edit:1").On(command.Original!).DispatchAsync();
        await client.CreateInteractionResponseAsync(modalButton.Id, modalButton.Token, InteractionResponse.Modal(
            "edit-modal:1",
            "Edit the prompt",
            new TextDisplay { Content = "Editing costs 1 credit." },
            new Label { Text = "Prompt", Description = "What to change", Component = new TextInput { CustomId = "prompt", Style = TextInputStyle.Paragraph, MinLength = 1, MaxLength = 1500, Required = true, Value = "a lighthouse", Placeholder = "Describe the image" } }));
        var legacyModal = await server.ButtonPress("edit:2").On(command.Original!).DispatchAsync();
        await client.CreateInteractionResponseAsync(legacyModal.Id, legacyModal.Token, InteractionResponse.Modal(
            "edit-modal:2", "Edit", new ActionRow(new TextInput { CustomId = "prompt", Label = "Prompt", Style = TextInputStyle.Short })));

        var posted = await client.CreateMessageAsync(900, new MessageCreate
        {
            Content = "<@1> your image",
            Nonce = MessageCreate.NewNonce(),
            EnforceNonce = true,
            AllowedMentions = AllowedMentions.OnlyUsers(1),
            MessageReference = new MessageReference { MessageId = command.Original!.Id, ChannelId = command.ChannelId, FailIfNotExists = false },
            Embeds = [richEmbed],
        }, [new DiscordFile("out.png", png, "image/png")]);
        await client.EditMessageAsync(900, posted.Id, new MessageEdit { Content = "edited", Flags = MessageFlags.SuppressEmbeds, Attachments = [] });
        await client.CreateMessageAsync(900, new MessageCreate { Content = "plain", Tts = false });
    }
}
