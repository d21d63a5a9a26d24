using System.Text.Json;
using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Models;

public sealed class InteractionReadingTests
{
    // The docs' example interaction (receiving-and-responding / application-commands), trimmed.
    private const string DocsExample = """
        {"type":2,"token":"A_UNIQUE_TOKEN","member":{"user":{"id":"53908232506183680","username":"Mason","avatar":"a_d5efa99b3eeaa7dd43acca82f5692432","discriminator":"1337","public_flags":131141},
         "roles":["539082325061836999"],"premium_since":null,"permissions":"2147483647","pending":false,"nick":null,"mute":false,"joined_at":"2017-03-13T19:19:14.040000+00:00","is_pending":false,"deaf":false},
         "id":"786008729715212338","guild_id":"290926798626357999","app_permissions":"442368","guild_locale":"en-US","locale":"en-US",
         "data":{"options":[{"type":3,"name":"cardname","value":"The Gitrog Monster"}],"type":1,"name":"cardsearch","id":"771825006014889984"},
         "channel_id":"645027906669510667","attachment_size_limit":10485760,"entitlements":[],"authorizing_integration_owners":{"0":"290926798626357999"},"context":0}
        """;

    [Fact]
    public void The_docs_example_reads_with_member_permissions_and_options()
    {
        var interaction = DiscordJson.ReadInteraction(DocsExample);

        Assert.Equal(786008729715212338UL, interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(290926798626357999UL, interaction.GuildId);
        Assert.Equal(645027906669510667UL, interaction.ChannelId);
        Assert.Equal(53908232506183680UL, interaction.InvokingUser.Id);
        Assert.Equal("Mason", interaction.InvokingUser.DisplayName);
        Assert.Equal([539082325061836999UL], interaction.Member!.Roles);
        Assert.True(interaction.Member.Permissions!.Value.Has(Permissions.ManageGuild | Permissions.SendMessages));
        Assert.Equal((Permissions)442368, interaction.AppPermissions);
        Assert.True(interaction.AppPermissions!.Value.Has(Permissions.AttachFiles | Permissions.EmbedLinks));
        Assert.False(interaction.AppPermissions.Value.Has(Permissions.ManageGuild));
        Assert.Equal("cardsearch", interaction.CommandName);
        Assert.Equal("The Gitrog Monster", interaction.GetString("cardname"));
        Assert.Null(interaction.GetString("missing"));
        Assert.Equal(10485760, interaction.AttachmentSizeLimit);
        Assert.Equal(InteractionContextType.Guild, interaction.Context);
        Assert.Null(interaction.SubcommandName);
    }

    [Fact]
    public void ToString_never_contains_the_interaction_token()
    {
        var interaction = DiscordJson.ReadInteraction(DocsExample);

        Assert.DoesNotContain("A_UNIQUE_TOKEN", interaction.ToString(), StringComparison.Ordinal);
        Assert.Contains("786008729715212338", interaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slash_command_from_the_fake_reads_subcommands_every_option_type_and_resolved_attachments()
    {
        var (server, gateway) = await StartFakeAsync();
        await using var _ = server;
        var png = TestImages.Png(3, 2);
        await server.SlashCommand("seedream")
            .WithSubcommandGroup("admin", "grant")
            .WithString("prompt", "a lighthouse at dusk")
            .WithInteger("count", 3)
            .WithNumber("strength", 0.75)
            .WithBoolean("private", true)
            .WithUser("member", 42, "alice")
            .WithRole("role", 77, "Artists")
            .WithAttachment("image", png, "input.png")
            .By(1234, "bob", nick: "Bobby")
            .WithRoles(77)
            .WithLocale("de")
            .WithAttachmentSizeLimit(25 * 1024 * 1024)
            .DispatchAsync();

        var interaction = DiscordJson.ReadInteraction(JsonSerializer.SerializeToElement(gateway.Dispatched.Single().Data));

        Assert.Equal("seedream", interaction.CommandName);
        Assert.Equal("admin", interaction.SubcommandGroupName);
        Assert.Equal("grant", interaction.SubcommandName);
        Assert.Equal("a lighthouse at dusk", interaction.GetString("prompt"));
        Assert.Equal(3, interaction.GetInteger("count"));
        Assert.Equal(0.75, interaction.GetNumber("strength"));
        Assert.True(interaction.GetBoolean("private"));
        Assert.Equal("alice", interaction.GetUser("member")!.Username);
        Assert.Equal("Artists", interaction.GetRole("role")!.Name);
        var attachment = interaction.GetAttachment("image");
        Assert.NotNull(attachment);
        Assert.Equal("input.png", attachment.Filename);
        Assert.Equal(png.Length, attachment.Size);
        Assert.Equal(3, attachment.Width);
        Assert.Equal(2, attachment.Height);
        Assert.True(attachment.IsImage);
        Assert.True(attachment.Ephemeral);
        Assert.Equal(1234UL, interaction.InvokingUser.Id);
        Assert.Equal("Bobby", interaction.Member!.DisplayName);
        Assert.Equal("de", interaction.Locale);
        Assert.Equal(25 * 1024 * 1024, interaction.AttachmentSizeLimit);

        using var http = new HttpClient();
        Assert.Equal(png, await http.GetByteArrayAsync(new Uri(attachment.Url)));
    }

    [Fact]
    public async Task A_DM_interaction_has_a_user_and_no_member()
    {
        var (server, gateway) = await StartFakeAsync();
        await using var _ = server;
        await server.SlashCommand("balance").InDirectMessage().By(99, "carol").DispatchAsync();

        var interaction = DiscordJson.ReadInteraction(JsonSerializer.SerializeToElement(gateway.Dispatched.Single().Data));

        Assert.False(interaction.IsInGuild);
        Assert.Null(interaction.Member);
        Assert.Equal(99UL, interaction.InvokingUser.Id);
        Assert.Equal(InteractionContextType.BotDirectMessage, interaction.Context);
        Assert.Null(gateway.Dispatched.Single().GuildId);
    }

    [Fact]
    public async Task A_message_command_resolves_its_target_with_attachments_and_embeds()
    {
        var (server, gateway) = await StartFakeAsync();
        await using var _ = server;
        var target = server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "look", [new FakeUpload(TestImages.Png(8, 8), "photo.png")], [new JsonObject { ["title"] = "An embed" }]);
        await server.MessageCommand("Edit with Seedream").Targeting(target).DispatchAsync();

        var interaction = DiscordJson.ReadInteraction(JsonSerializer.SerializeToElement(gateway.Dispatched.Single().Data));

        Assert.Equal(ApplicationCommandType.Message, interaction.Data!.Type);
        var message = interaction.TargetMessage;
        Assert.NotNull(message);
        Assert.Equal(target.Id, message.Id);
        Assert.Equal("photo.png", Assert.Single(message.Attachments).Filename);
        Assert.Equal("An embed", Assert.Single(message.Embeds).Title);
    }

    [Fact]
    public async Task A_button_press_carries_its_custom_id_and_the_message_with_its_components()
    {
        var (server, gateway) = await StartFakeAsync();
        await using var _ = server;
        var message = server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "result") with
        {
            Components = [new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Again", ["custom_id"] = "again:1" }) }],
        };
        await server.ButtonPress("again:1").On(message).DispatchAsync();

        var interaction = DiscordJson.ReadInteraction(JsonSerializer.SerializeToElement(gateway.Dispatched.Single().Data));

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("again:1", interaction.CustomId);
        Assert.Equal(ComponentType.Button, interaction.Data!.ComponentType);
        var row = Assert.IsType<ActionRow>(Assert.Single(interaction.Message!.Components));
        Assert.Equal("again:1", Assert.IsType<Button>(Assert.Single(row.Components)).CustomId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Modal_values_read_in_the_label_and_the_legacy_action_row_layout(bool actionRows)
    {
        var (server, gateway) = await StartFakeAsync();
        await using var _ = server;
        var builder = server.ModalSubmit("edit-prompt:5").WithValue("prompt", "a red fox").WithValue("negative", "blur");
        if (actionRows)
        {
            builder.UsingActionRows();
        }

        await builder.DispatchAsync();
        var interaction = DiscordJson.ReadInteraction(JsonSerializer.SerializeToElement(gateway.Dispatched.Single().Data));

        Assert.Equal(InteractionType.ModalSubmit, interaction.Type);
        Assert.Equal("edit-prompt:5", interaction.CustomId);
        Assert.Equal("a red fox", interaction.GetModalValue("prompt"));
        Assert.Equal("blur", interaction.GetModalValue("negative"));
        Assert.Null(interaction.GetModalValue("absent"));
    }

    [Fact]
    public void Unknown_component_types_are_kept_and_written_back_unchanged()
    {
        const string json = """{"id":"1","channel_id":"2","content":"","components":[{"type":17,"accent_color":255,"components":[{"type":10,"content":"hi"}]},{"type":1,"components":[{"type":3,"custom_id":"pick","options":[]}]}]}""";

        var message = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Message)!;

        var container = Assert.IsType<UnknownComponent>(message.Components[0]);
        Assert.Equal(ComponentType.Container, container.Type);
        var select = Assert.IsType<UnknownComponent>(Assert.IsType<ActionRow>(message.Components[1]).Components[0]);
        Assert.Equal(ComponentType.StringSelect, select.Type);
        var written = JsonSerializer.SerializeToNode(message.Components[0], DiscordJsonContext.Default.Component)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":17,"accent_color":255,"components":[{"type":10,"content":"hi"}]}"""), written));
    }

    [Fact]
    public void A_gateway_dispatch_turns_into_an_interaction_and_other_events_are_refused()
    {
        var data = JsonDocument.Parse(DocsExample).RootElement.Clone();
        var dispatch = new GatewayDispatch(0, "INTERACTION_CREATE", 5, data, DateTimeOffset.UnixEpoch);

        Assert.True(dispatch.IsInteraction());
        Assert.Equal(786008729715212338UL, dispatch.ToInteraction().Id);
        Assert.Throws<InvalidOperationException>(() => (dispatch with { EventName = "GUILD_CREATE" }).ToInteraction());
    }

    private static async Task<(FakeDiscordServer Server, RecordingGateway Gateway)> StartFakeAsync()
    {
        var gateway = new RecordingGateway();
        var server = new FakeDiscordServer(gateway);
        await server.StartAsync();
        return (server, gateway);
    }
}
