using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>Every REST call over a real loopback socket against the fake Discord, asserting what a user would see.</summary>
public sealed class RestClientWireTests
{
    [Fact]
    public async Task Requests_carry_the_bot_authorization_and_a_DiscordBot_user_agent()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        await harness.Client.GetCurrentApplicationAsync();

        var call = Assert.Single(harness.Server.Calls);
        Assert.Equal("Bot " + harness.Server.Token, call.Header("Authorization"));
        Assert.StartsWith("DiscordBot (https://github.com/seedreambot/seedreambot, ", call.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal(harness.Client.UserAgent, call.Header("User-Agent"));
    }

    [Fact]
    public async Task Gateway_info_and_the_application_come_from_their_endpoints()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        IGatewayInfoSource source = harness.Client;

        var info = await source.GetGatewayInfoAsync(CancellationToken.None);
        var application = await harness.Client.GetCurrentApplicationAsync();

        Assert.Equal(harness.Server.GatewayUrl, info.Url);
        Assert.Equal(2, info.RecommendedShards);
        Assert.Equal(new SessionStartLimit(1000, 997, TimeSpan.FromHours(4), 1), info.SessionStartLimit);
        Assert.Equal(harness.Server.ApplicationId, application.Id);
        Assert.True(application.Bot!.Bot);
    }

    [Fact]
    public async Task Bulk_overwrites_store_global_and_guild_commands_and_return_them_with_ids()
    {
        await using var harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { Guilds = { new(555, "Second server") } });
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "imagine",
                Description = "Create an image with Seedream",
                Options = [new() { Type = ApplicationCommandOptionType.String, Name = "prompt", Description = "What to draw", Required = true, MaxLength = 1500 }],
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
            },
            new() { Type = ApplicationCommandType.Message, Name = "Edit with Seedream" },
        ];

        var global = await harness.Client.BulkOverwriteGlobalCommandsAsync(harness.Server.ApplicationId, commands);
        var guild = await harness.Client.BulkOverwriteGuildCommandsAsync(harness.Server.ApplicationId, 555, [commands[0]]);

        Assert.Equal(2, global.Count);
        Assert.All(global, c => Assert.NotNull(c.Id));
        Assert.Equal(ApplicationCommandType.Message, global[1].Type);
        Assert.Equal(["imagine", "Edit with Seedream"], harness.Server.GlobalCommands.Select(c => c["name"]!.GetValue<string>()));
        Assert.Equal(555UL, Assert.Single(guild).GuildId);
        Assert.Single(harness.Server.GuildCommands(555));
    }

    [Fact]
    public async Task A_deferred_command_is_filled_in_by_editing_the_original_and_followed_up()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var dispatched = await harness.Server.SlashCommand("imagine").WithString("prompt", "a cat").DispatchAsync();
        var client = harness.Client;

        await client.CreateInteractionResponseAsync(dispatched.Id, dispatched.Token, InteractionResponse.Defer());
        Assert.True((await dispatched.WaitForOriginalAsync()).IsLoading);

        var edited = await client.EditOriginalResponseAsync(harness.Server.ApplicationId, dispatched.Token, new MessageEdit
        {
            Content = "Done!",
            Embeds = [new EmbedBuilder().WithTitle("a cat").WithColor(0x2ECC71).Build()],
            Components = [new ActionRowBuilder().AddButton(ButtonStyle.Primary, "again:1", "Again").Build()],
            AllowedMentions = AllowedMentions.None,
        });
        var fetched = await client.GetOriginalResponseAsync(harness.Server.ApplicationId, dispatched.Token);
        var followup = await client.CreateFollowupAsync(harness.Server.ApplicationId, dispatched.Token, new FollowupMessageCreate { Content = "Only you can see this", Flags = MessageFlags.Ephemeral });
        await client.EditFollowupAsync(harness.Server.ApplicationId, dispatched.Token, followup.Id, new MessageEdit { Content = "Edited" });

        Assert.Equal(edited.Id, fetched.Id);
        Assert.Equal("Done!", fetched.Content);
        Assert.True(followup.IsEphemeral);
        var original = dispatched.Original!;
        Assert.False(original.IsLoading);
        Assert.Equal("Done!", original.Content);
        Assert.Equal(["a cat"], original.EmbedTitles);
        Assert.Equal(["again:1"], original.CustomIds);
        Assert.Equal(2, dispatched.OriginalHistory.Count);
        Assert.Equal("Edited", Assert.Single(dispatched.Followups).Content);
        Assert.NotNull(dispatched.AckLatency);

        await client.DeleteFollowupAsync(harness.Server.ApplicationId, dispatched.Token, followup.Id);
        await client.DeleteOriginalResponseAsync(harness.Server.ApplicationId, dispatched.Token);
        Assert.Empty(harness.Server.Messages(FakeDiscordServer.DefaultChannelId));
    }

    [Fact]
    public async Task A_button_press_updates_its_message_in_place()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var command = await harness.Server.SlashCommand("imagine").DispatchAsync();
        await harness.Client.CreateInteractionResponseAsync(command.Id, command.Token, InteractionResponse.Message(new InteractionCallbackData
        {
            Content = "Result",
            Components = [new ActionRow(Button.Create(ButtonStyle.Secondary, "again:1", "Again"))],
        }));
        var press = await harness.Server.ButtonPress("again:1").On(command.Original!).DispatchAsync();

        await harness.Client.CreateInteractionResponseAsync(press.Id, press.Token, InteractionResponse.UpdateMessage(new InteractionCallbackData
        {
            Content = "Working on it…",
            Components = [new ActionRow(Button.Create(ButtonStyle.Secondary, "again:1", "Again", disabled: true))],
        }));

        var message = harness.Server.LatestMessage(command.Original!.Id)!;
        Assert.Equal("Working on it…", message.Content);
        Assert.True(message.Components[0]!["components"]![0]!["disabled"]!.GetValue<bool>());
        Assert.Equal(command.Original!.Id, press.OriginalMessageId);
    }

    [Fact]
    public async Task A_modal_is_shown_in_reply_to_a_button()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var message = harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "hi");
        var press = await harness.Server.ButtonPress("edit:1").On(message).DispatchAsync();

        await harness.Client.CreateInteractionResponseAsync(press.Id, press.Token, InteractionResponse.Modal(
            "edit-modal:1",
            "Edit the prompt",
            new Label { Text = "Prompt", Component = new TextInput { CustomId = "prompt", Style = TextInputStyle.Paragraph, Value = "a cat" } }));

        var response = await press.WaitForInitialResponseAsync();
        Assert.Equal(9, response.Type);
        Assert.Equal("edit-modal:1", response.ModalCustomId);
    }

    [Fact]
    public async Task Channel_messages_are_created_edited_and_deleted()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        const ulong log = 900;

        var created = await harness.Client.CreateMessageAsync(log, new MessageCreate { Content = "Job 7 done", AllowedMentions = AllowedMentions.None });
        var edited = await harness.Client.EditMessageAsync(log, created.Id, new MessageEdit { Content = "Job 7 done (edited)" });

        Assert.Equal(created.Id, edited.Id);
        Assert.Equal("Job 7 done (edited)", Assert.Single(harness.Server.Messages(log)).Content);
        await harness.Client.DeleteMessageAsync(log, created.Id);
        Assert.Empty(harness.Server.Messages(log));
        var gone = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.DeleteMessageAsync(log, created.Id));
        Assert.True(gone.IsUnknownMessage);
    }

    [Fact]
    public async Task A_repeated_post_with_an_enforced_nonce_creates_one_message()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var message = new MessageCreate { Content = "Your image is ready", Nonce = MessageCreate.NewNonce(), EnforceNonce = true };

        var first = await harness.Client.CreateMessageAsync(42, message);
        var second = await harness.Client.CreateMessageAsync(42, message);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(harness.Server.Messages(42));
        Assert.Equal(message.Nonce, harness.Server.Calls[0].Json!["nonce"]!.GetValue<string>());
        Assert.True(harness.Server.Calls[0].Json!["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reply_in_a_channel_references_the_original_message()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var original = harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "/imagine");

        await harness.Client.CreateMessageAsync(FakeDiscordServer.DefaultChannelId, new MessageCreate
        {
            Content = "<@1> here is your image",
            MessageReference = new MessageReference { MessageId = original.Id, FailIfNotExists = false },
            AllowedMentions = AllowedMentions.OnlyUsers(1),
        });

        var body = harness.Server.Calls.Single().Json!.AsObject();
        Assert.Equal(original.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), body["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[],"users":["1"]}"""), body["allowed_mentions"]));
    }
}
