using System.Text.Json;
using System.Text.Json.Nodes;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Tests.Models;

public sealed class SerializationTests
{
    [Fact]
    public void Snowflakes_and_permission_bitfields_are_written_as_strings_and_nulls_are_omitted()
    {
        var command = new ApplicationCommand
        {
            Id = 18014398509481985,
            Name = "imagine",
            Description = "Create an image",
            DefaultMemberPermissions = Permissions.ManageGuild,
            Contexts = [InteractionContextType.Guild],
        };

        var json = JsonSerializer.SerializeToNode(command, DiscordJsonContext.Default.ApplicationCommand)!.AsObject();

        Assert.Equal("18014398509481985", json["id"]!.GetValue<string>());
        Assert.Equal("32", json["default_member_permissions"]!.GetValue<string>());
        Assert.Equal(0, json["contexts"]![0]!.GetValue<int>());
        Assert.False(json.ContainsKey("options"));
        Assert.False(json.ContainsKey("name_localizations"));
    }

    [Fact]
    public void Snowflakes_read_from_strings_and_from_numbers()
    {
        var fromString = JsonSerializer.Deserialize("""{"id":"18014398509481985","filename":"a.png"}""", DiscordJsonContext.Default.Attachment)!;
        var fromNumber = JsonSerializer.Deserialize("""{"id":7,"filename":"a.png"}""", DiscordJsonContext.Default.Attachment)!;

        Assert.Equal(18014398509481985UL, fromString.Id);
        Assert.Equal(7UL, fromNumber.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"x1"}""", DiscordJsonContext.Default.Attachment));
    }

    [Fact]
    public void AllowedMentions_None_sends_an_empty_parse_list()
    {
        var data = new InteractionCallbackData { Content = "@everyone look", AllowedMentions = AllowedMentions.None };

        var json = JsonSerializer.Serialize(InteractionResponse.Message(data), DiscordJsonContext.Default.InteractionResponse);

        Assert.Equal("""{"type":4,"data":{"content":"@everyone look","allowed_mentions":{"parse":[]}}}""", json);
    }

    [Fact]
    public void Components_are_written_with_their_type_and_read_back_as_the_same_classes()
    {
        var components = new Component[]
        {
            new ActionRow(Button.Create(ButtonStyle.Primary, "again:1", "Again", "🔁"), Button.Link("https://example.com/a.png", "Open")),
        };
        var message = new MessageEdit { Components = components };

        var json = JsonSerializer.SerializeToNode(message, DiscordJsonContext.Default.MessageEdit)!;
        var expected = JsonNode.Parse("""
            {"components":[{"type":1,"components":[
              {"type":2,"style":1,"label":"Again","emoji":{"name":"🔁"},"custom_id":"again:1"},
              {"type":2,"style":5,"label":"Open","url":"https://example.com/a.png"}]}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());

        var back = JsonSerializer.Deserialize(json.ToJsonString(), DiscordJsonContext.Default.Message)!;
        var row = Assert.IsType<ActionRow>(Assert.Single(back.Components));
        Assert.Equal(ButtonStyle.Link, Assert.IsType<Button>(row.Components[1]).Style);
    }

    [Fact]
    public void A_modal_response_uses_label_wrapped_text_inputs()
    {
        var response = InteractionResponse.Modal(
            "edit:1",
            "Edit prompt",
            new Label { Text = "Prompt", Description = "What to draw", Component = new TextInput { CustomId = "prompt", Style = TextInputStyle.Paragraph, MaxLength = 1500, Required = true } },
            new TextDisplay { Content = "Costs 1 credit." });

        var json = JsonSerializer.SerializeToNode(response, DiscordJsonContext.Default.InteractionResponse)!;

        var expected = JsonNode.Parse("""
            {"type":9,"data":{"components":[
              {"type":18,"label":"Prompt","description":"What to draw","component":{"type":4,"custom_id":"prompt","style":2,"max_length":1500,"required":true}},
              {"type":10,"content":"Costs 1 credit."}],"custom_id":"edit:1","title":"Edit prompt"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Embed_timestamps_are_ISO_8601_and_colors_integers()
    {
        var embed = new Embed { Title = "Done", Color = 0x5865F2, Timestamp = new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero) };

        var json = JsonSerializer.SerializeToNode(embed, DiscordJsonContext.Default.Embed)!;

        Assert.Equal("2025-03-01T12:30:00+00:00", json["timestamp"]!.GetValue<string>());
        Assert.Equal(0x5865F2, json["color"]!.GetValue<int>());
    }

    [Fact]
    public void Choices_hold_strings_or_numbers()
    {
        var option = new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = "ratio",
            Description = "Aspect ratio",
            Choices = [ApplicationCommandOptionChoice.Of("Square", "1:1"), ApplicationCommandOptionChoice.Of("Two", 2L), ApplicationCommandOptionChoice.Of("Half", 0.5)],
        };

        var json = JsonSerializer.SerializeToNode(new ApplicationCommand { Name = "x", Description = "y", Options = [option] }, DiscordJsonContext.Default.ApplicationCommand)!;

        var choices = json["options"]![0]!["choices"]!.AsArray();
        Assert.Equal("1:1", choices[0]!["value"]!.GetValue<string>());
        Assert.Equal(2, choices[1]!["value"]!.GetValue<long>());
        Assert.Equal(0.5, choices[2]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void Permissions_has_honours_administrator_and_reports_what_is_missing()
    {
        var member = Permissions.SendMessages | Permissions.ViewChannel;

        Assert.False(member.Has(Permissions.AttachFiles));
        Assert.Equal(Permissions.AttachFiles | Permissions.EmbedLinks, member.Missing(Permissions.AttachFiles | Permissions.EmbedLinks | Permissions.SendMessages));
        Assert.True(Permissions.Administrator.Has(Permissions.ManageGuild));
        Assert.Equal(Permissions.None, Permissions.Administrator.Missing(Permissions.ManageGuild));
        Assert.Equal(Permissions.ManageGuild | Permissions.Administrator, PermissionsExtensions.Parse("40"));
        Assert.Equal("32768", Permissions.AttachFiles.ToBitfieldString());
    }
}
