using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Discord.Tests.Contract;

/// <summary>
/// Every body the REST client sends (captured by the fake over the wire) validates against Discord's own OpenAPI
/// document, minding the caveats of reference §7.2: <c>default_member_permissions</c> is a string in the docs but
/// an integer in the spec (coerced here), ids are strings, multipart bodies are checked through payload_json plus a
/// hand check of the files[n] pairing, and unknown property names are looked for separately.
/// </summary>
public sealed class RequestBodyContractTests
{
    [SkippableFact]
    public async Task Every_request_body_the_client_sends_validates_against_Discords_OpenAPI_document()
    {
        Skip.If(SharedReference.TryFind("discord-openapi", "openapi.json") is null, SharedReference.MissingReason);
        var spec = await DiscordOpenApiDocument.GetAsync();
        await using var harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { Guilds = { new(555, "Second server") } });
        await SendEveryKindOfRequestAsync(harness);

        var bodies = harness.Server.Calls.Where(c => c.Json is not null).ToList();
        var problems = new List<string>();
        foreach (var call in bodies)
        {
            Assert.True(call.StatusCode is >= 200 and < 300, $"{call} was refused by the fake: {call.ResponseJson?.ToJsonString()}");
            var specPath = spec.FindPath(call.Method, call.Path) ?? throw new InvalidOperationException($"No spec operation for {call.Method} {call.Route}");
            var body = CoerceDocumentedDifferences(call.Json!.DeepClone());
            var schema = spec.RequestSchema(call.Method, specPath);
            problems.AddRange(DiscordOpenApiDocument.Validate(schema, body).Select(e => $"{call.RouteKey}: {e}"));
            problems.AddRange(DiscordOpenApiDocument.UnknownProperties(schema, body)
                .Where(p => !DocumentedButNotInSpec(call, p))
                .Select(p => $"{call.RouteKey}: unknown property {p}"));
            if (call.IsMultipart)
            {
                problems.AddRange(CheckPairing(call));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(bodies, c => c.Route == "/interactions/{interaction_id}/{interaction_token}/callback" && c.IsMultipart);
        Assert.Contains(bodies, c => c.Route == "/webhooks/{application_id}/{interaction_token}/messages/@original" && c.IsMultipart);
        Assert.Contains(bodies, c => c.Route == "/applications/{application_id}/guilds/{guild_id}/commands");
        Assert.True(bodies.Count >= 15, $"only {bodies.Count} bodies were captured");
    }

    [SkippableFact]
    public async Task The_contract_check_catches_bodies_Discord_would_refuse()
    {
        Skip.If(SharedReference.TryFind("discord-openapi", "openapi.json") is null, SharedReference.MissingReason);
        var spec = await DiscordOpenApiDocument.GetAsync();
        var callback = spec.RequestSchema("POST", "/interactions/{interaction_id}/{interaction_token}/callback");
        var edit = spec.RequestSchema("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original");

        var longTitle = JsonNode.Parse($$$"""{"type":4,"data":{"embeds":[{"title":"{{{new string('x', 300)}}}"}]}}""")!;
        var longCustomId = JsonNode.Parse($$$"""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"{{{new string('c', 101)}}}"}]}]}""")!;
        var numericAttachmentId = JsonNode.Parse("""{"attachments":[{"id":0,"filename":"a.png"}]}""")!;
        var typo = JsonNode.Parse("""{"content":"x","embed":[{"title":"t"}]}""")!;

        Assert.NotEmpty(DiscordOpenApiDocument.Validate(callback, longTitle));
        Assert.NotEmpty(DiscordOpenApiDocument.Validate(edit, longCustomId));
        Assert.NotEmpty(DiscordOpenApiDocument.Validate(edit, numericAttachmentId));
        Assert.Equal(["embed"], DiscordOpenApiDocument.UnknownProperties(edit, typo));
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

    // The docs list `nsfw` among the create/overwrite parameters of a command (reference §2.2); the spec has it only
    // on responses. Where they differ the spec's README says to follow the docs.
    private static bool DocumentedButNotInSpec(FakeDiscordCall call, string property) =>
        call.Route.EndsWith("/commands", StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.IsMatch(property, @"^\[\d+\]\.nsfw$");

    // Reference §7.2.1: the docs (and the API) take the permission bitfield as a string; the spec says integer.
    private static JsonNode CoerceDocumentedDifferences(JsonNode body)
    {
        if (body is JsonArray commands)
        {
            foreach (var command in commands.OfType<JsonObject>())
            {
                if (command["default_member_permissions"] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    command["default_member_permissions"] = ulong.Parse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }

        return body;
    }

    // Reference §7.2.4: the spec lists no files[n] for these bodies, so the pairing is checked by hand.
    private static IEnumerable<string> CheckPairing(FakeDiscordCall call)
    {
        var message = call.Json!["data"] as JsonObject ?? call.Json as JsonObject;
        var ids = (message?["attachments"] as JsonArray ?? []).Select(a => a?["id"]).ToList();
        if (ids.Any(id => id is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            yield return $"{call.RouteKey}: attachments[].id must be strings";
        }

        var idTexts = ids.Select(id => id?.ToString()).ToHashSet();
        foreach (var file in call.Files)
        {
            var index = file.Name["files[".Length..^1];
            if (!idTexts.Contains(index))
            {
                yield return $"{call.RouteKey}: {file.Name} has no attachments entry with id \"{index}\"";
            }
        }
    }
}
