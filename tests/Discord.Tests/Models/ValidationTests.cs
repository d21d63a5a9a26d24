using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Models.Validation;

namespace SeedreamBot.Discord.Tests.Models;

public sealed class ValidationTests
{
    [Fact]
    public void An_oversize_embed_title_names_the_field_its_length_and_the_limit()
    {
        var response = InteractionResponse.Message(new InteractionCallbackData { Embeds = [new Embed { Title = new string('x', 300) }] });

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(response));

        Assert.Equal("data.embeds[0].title", Assert.Single(error.Errors).Path);
        Assert.Contains("data.embeds[0].title: 300 characters, the limit is 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_embed_limit_is_checked_and_all_problems_are_listed()
    {
        var embed = new Embed
        {
            Description = new string('d', 4097),
            Color = 0x1000000,
            Footer = new EmbedFooter { Text = new string('f', 2049) },
            Author = new EmbedAuthor { Name = "" },
            Image = new EmbedImage { Url = "ftp://example.com/a.png" },
            Fields = Enumerable.Range(0, 26).Select(i => new EmbedField { Name = "n", Value = i == 0 ? new string('v', 1025) : "v" }).ToArray(),
        };

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageCreate(new MessageCreate { Embeds = [embed] }));

        var paths = error.Errors.Select(e => e.Path).ToHashSet();
        Assert.Contains("embeds[0].description", paths);
        Assert.Contains("embeds[0].color", paths);
        Assert.Contains("embeds[0].footer.text", paths);
        Assert.Contains("embeds[0].author.name", paths);
        Assert.Contains("embeds[0].image.url", paths);
        Assert.Contains("embeds[0].fields", paths);
        Assert.Contains("embeds[0].fields[0].value", paths);
    }

    [Fact]
    public void The_6000_character_total_counts_across_all_embeds_of_a_message()
    {
        var embeds = Enumerable.Range(0, 2).Select(_ => new Embed { Description = new string('d', 3001) }).ToArray();

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageEdit(new MessageEdit { Embeds = embeds }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("embeds", problem.Path);
        Assert.Contains("6002 characters in total", problem.Message, StringComparison.Ordinal);
        DiscordValidator.ValidateMessageEdit(new MessageEdit { Embeds = [new Embed { Description = new string('d', 3000) }, new Embed { Description = new string('d', 3000) }] });
    }

    [Fact]
    public void Lengths_count_code_points_so_emoji_count_once()
    {
        var title = string.Concat(Enumerable.Repeat("🎨", 256));

        DiscordValidator.ValidateEmbed(new Embed { Title = title });
        Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateEmbed(new Embed { Title = title + "🎨" }));
    }

    [Fact]
    public void Content_over_2000_characters_and_empty_messages_are_refused()
    {
        Assert.Contains("content: 2001 characters, the limit is 2000",
            Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageCreate(new MessageCreate { Content = new string('c', 2001) })).Message,
            StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateFollowup(new FollowupMessageCreate { Content = "  " })).Message, StringComparison.Ordinal);
        Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(InteractionResponse.Message(new InteractionCallbackData())));
    }

    [Fact]
    public void Buttons_are_limited_to_five_per_row_five_rows_and_unique_custom_ids_of_at_most_100_characters()
    {
        var six = new ActionRow(Enumerable.Range(0, 6).Select(i => (Component)Button.Create(ButtonStyle.Secondary, $"b{i}", "B")).ToArray());
        var duplicate = new ActionRow(Button.Create(ButtonStyle.Primary, "same", "A"), Button.Create(ButtonStyle.Primary, "same", "B"));
        var longId = new ActionRow(Button.Create(ButtonStyle.Primary, new string('i', 101), "A"));
        var badLink = new ActionRow(new Button { Style = ButtonStyle.Link, Label = "L", CustomId = "x" });
        var rows = new Component[] { six, duplicate, longId, badLink, new ActionRow(Button.Create(ButtonStyle.Danger, "ok", "ok")), new ActionRow(Button.Create(ButtonStyle.Danger, "ok2", "ok")) };

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateComponents(rows));

        var paths = error.Errors.Select(e => e.Path).ToList();
        Assert.Contains("components", paths);
        Assert.Contains("components[0].components", paths);
        Assert.Contains("components[1].components[1].custom_id", paths);
        Assert.Contains("components[2].components[0].custom_id", paths);
        Assert.Contains("components[3].components[0].custom_id", paths);
        Assert.Contains("components[3].components[0].url", paths);
    }

    [Fact]
    public void Modals_need_a_short_title_one_to_five_components_and_valid_text_inputs()
    {
        var input = new TextInput { CustomId = "prompt", Style = TextInputStyle.Paragraph, MinLength = 10, MaxLength = 5 };
        var response = InteractionResponse.Modal("m", new string('t', 46), new Label { Text = "Prompt", Component = input });

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(response));

        var paths = error.Errors.Select(e => e.Path).ToList();
        Assert.Contains("data.title", paths);
        Assert.Contains("data.components[0].component.min_length", paths);
        Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(InteractionResponse.Modal("m", "Title")));
        DiscordValidator.ValidateInteractionResponse(InteractionResponse.Modal("m", "Title", new ActionRow(new TextInput { CustomId = "p", Label = "Prompt", Style = TextInputStyle.Short })));
    }

    [Fact]
    public void A_deferred_response_takes_only_the_ephemeral_flag_and_no_files()
    {
        DiscordValidator.ValidateInteractionResponse(InteractionResponse.Defer(ephemeral: true));
        var withContent = new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource, Data = new InteractionCallbackData { Content = "x" } };
        var withFile = new DiscordFile("a.png", new byte[] { 1 });

        Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(withContent));
        Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateInteractionResponse(InteractionResponse.Defer(), [withFile]));
    }

    [Fact]
    public void Files_are_limited_in_count_and_size_and_embed_references_must_name_one_of_them()
    {
        var files = Enumerable.Range(0, 11).Select(i => new DiscordFile($"f{i}.png", new byte[] { 1, 2, 3 })).ToArray();
        var tooMany = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateFollowup(new FollowupMessageCreate { Content = "x" }, files));
        Assert.Contains(tooMany.Errors, e => e.Path == "files");

        var big = new DiscordFile("big.png", new byte[2048]);
        var tooLarge = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageEdit(new MessageEdit(), [big], maxFileSize: 1024));
        Assert.Equal("files[0]", Assert.Single(tooLarge.Errors).Path);
        Assert.Contains("2,048 bytes, the upload limit here is 1,024 bytes", tooLarge.Message, StringComparison.Ordinal);

        var wrongReference = new FollowupMessageCreate { Embeds = [new Embed { Image = new EmbedImage { Url = "attachment://other.png" } }] };
        Assert.Contains("other.png names no file",
            Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateFollowup(wrongReference, [new DiscordFile("out.png", new byte[] { 1 })])).Message,
            StringComparison.Ordinal);
        DiscordValidator.ValidateFollowup(new FollowupMessageCreate { Embeds = [new Embed { Image = new EmbedImage { Url = "attachment://out.png" } }] }, [new DiscordFile("out.png", new byte[] { 1 })]);

        // An edit that keeps unnamed existing attachments may refer to one of them.
        DiscordValidator.ValidateMessageEdit(new MessageEdit { Embeds = [new Embed { Image = new EmbedImage { Url = "attachment://kept.png" } }] }, [new DiscordFile("out.png", new byte[] { 1 })]);
    }

    [Fact]
    public void Channel_messages_cannot_be_ephemeral_and_an_enforced_nonce_needs_a_nonce()
    {
        Assert.Contains(Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageCreate(new MessageCreate { Content = "x", Flags = MessageFlags.Ephemeral })).Errors, e => e.Path == "flags");
        Assert.Contains(Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageCreate(new MessageCreate { Content = "x", EnforceNonce = true })).Errors, e => e.Path == "enforce_nonce");
        Assert.Contains(Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateMessageCreate(new MessageCreate { Content = "x", Nonce = new string('n', 26) })).Errors, e => e.Path == "nonce");
        Assert.Equal(22, MessageCreate.NewNonce().Length);
    }

    [Fact]
    public void Command_definitions_are_checked_like_Discord_does()
    {
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "Imagine",
                Description = "",
                Options =
                [
                    new() { Type = ApplicationCommandOptionType.String, Name = "style", Description = "Style" },
                    new() { Type = ApplicationCommandOptionType.String, Name = "prompt", Description = "Prompt", Required = true, MinLength = 10, MaxLength = 5 },
                    new() { Type = ApplicationCommandOptionType.Boolean, Name = "hd", Description = "HD", Choices = [ApplicationCommandOptionChoice.Of("yes", "1")] },
                    new() { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "Count", Choices = Enumerable.Range(0, 26).Select(i => ApplicationCommandOptionChoice.Of($"c{i}", (long)i)).ToArray() },
                ],
            },
            new() { Type = ApplicationCommandType.Message, Name = "Edit with Seedream", Description = "not allowed" },
        ];

        var error = Assert.Throws<DiscordValidationException>(() => DiscordValidator.ValidateCommands(commands));

        var paths = error.Errors.Select(e => e.Path).ToList();
        Assert.Contains("[0].name", paths);
        Assert.Contains("[0].description", paths);
        Assert.Contains("[0].options[1].required", paths);
        Assert.Contains("[0].options[1].min_length", paths);
        Assert.Contains("[0].options[2].choices", paths);
        Assert.Contains("[0].options[3].choices", paths);
        Assert.Contains("[1].description", paths);
    }

    [Fact]
    public void A_valid_command_set_with_subcommands_and_context_menus_passes()
    {
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "credits",
                Description = "Credits",
                DefaultMemberPermissions = Permissions.ManageGuild,
                Contexts = [InteractionContextType.Guild],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                Options =
                [
                    new()
                    {
                        Type = ApplicationCommandOptionType.SubcommandGroup, Name = "admin", Description = "Admin",
                        Options = [new() { Type = ApplicationCommandOptionType.Subcommand, Name = "grant", Description = "Grant", Options = [new() { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Who", Required = true }, new() { Type = ApplicationCommandOptionType.Integer, Name = "amount", Description = "How many", Required = true, MinValue = 1, MaxValue = 1000 }] }],
                    },
                    new() { Type = ApplicationCommandOptionType.Subcommand, Name = "balance", Description = "Your balance" },
                ],
            },
            new() { Type = ApplicationCommandType.Message, Name = "Edit with Seedream" },
        ];

        DiscordValidator.ValidateCommands(commands);
    }

    [Fact]
    public void The_embed_builder_validates_on_build_and_truncates_without_splitting_emoji()
    {
        var embed = new EmbedBuilder().WithTitle("Done").WithColor(0x00FF00).AddField("Prompt", "a cat", inline: true).WithImage("attachment://out.png").Build();
        Assert.Equal("Done", embed.Title);
        Assert.Single(embed.Fields!);

        Assert.Throws<DiscordValidationException>(() => new EmbedBuilder().WithTitle(new string('x', 257)).Build());

        var truncated = EmbedBuilder.Truncate(string.Concat(Enumerable.Repeat("🎨", 10)), 5);
        Assert.Equal("🎨🎨🎨🎨…", truncated);
        Assert.Equal("short", EmbedBuilder.Truncate("short", 10));
    }

    [Fact]
    public void The_action_row_builder_refuses_a_sixth_button()
    {
        var builder = new ActionRowBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.AddButton(ButtonStyle.Secondary, $"b{i}", $"B{i}");
        }

        Assert.Equal(5, builder.Build().Components.Count);
        builder.AddLink("https://example.com", "More");
        Assert.Throws<DiscordValidationException>(builder.Build);
    }
}
