using System.Net;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Models.Validation;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>Discord's error answers become typed, readable exceptions.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task A_50035_from_Discord_is_flattened_into_readable_field_errors()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var raw = harness.CreateClient(validateLocally: false);
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => raw.CreateInteractionResponseAsync(
            interaction.Id,
            interaction.Token,
            InteractionResponse.Message(new InteractionCallbackData { Embeds = [new Embed { Title = new string('x', 300), Fields = [new EmbedField { Name = "n", Value = new string('v', 1025) }] }] })));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(DiscordErrorCode.InvalidFormBody, error.Code);
        Assert.Contains(error.Errors, e => e.ToString() == "data.embeds[0].title: Must be 256 or fewer in length.");
        Assert.Contains(error.Errors, e => e.Path == "data.embeds[0].fields[0].value" && e.Code == "BASE_TYPE_BAD_LENGTH");
        Assert.Contains("data.embeds[0].title: Must be 256 or fewer in length.", error.Message, StringComparison.Ordinal);
        Assert.Contains("/interactions/{interaction_id}/{interaction_token}/callback", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(interaction.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(await harness.Server.TakeContractViolationsAsync(), v => v.Contains("documented limits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oversize_embed_is_refused_locally_before_any_request()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();

        var error = await Assert.ThrowsAsync<DiscordValidationException>(() => harness.Client.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, InteractionResponse.Message(new InteractionCallbackData { Embeds = [new Embed { Title = new string('x', 300) }] })));

        Assert.Contains("data.embeds[0].title: 300 characters, the limit is 256", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Calls);
    }

    [Fact]
    public async Task A_response_after_the_three_second_window_is_an_unknown_interaction()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { TimeProvider = time });
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        time.Advance(TimeSpan.FromSeconds(3.1));

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer()));

        Assert.True(error.IsUnknownInteraction);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(interaction.InitialResponse);
    }

    [Fact]
    public async Task A_second_initial_response_is_refused_as_already_acknowledged()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message("again")));

        Assert.True(error.IsAlreadyAcknowledged);
        Assert.Equal(5, interaction.InitialResponse!.Type);
        Assert.Single(harness.Server.Messages(FakeDiscordServer.DefaultChannelId));
    }

    [Fact]
    public async Task The_original_cannot_be_edited_before_a_response_nor_after_the_token_expired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { TimeProvider = time });
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        var applicationId = harness.Server.ApplicationId;

        var early = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.EditOriginalResponseAsync(applicationId, interaction.Token, new MessageEdit { Content = "x" }));
        Assert.Equal(DiscordErrorCode.UnknownWebhook, early.Code);

        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());
        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.EditOriginalResponseAsync(applicationId, interaction.Token, new MessageEdit { Content = "x" }));

        Assert.True(late.IsInteractionTokenExpired);
        Assert.Equal(DiscordErrorCode.InvalidWebhookToken, late.Code);
        Assert.True(interaction.Original!.IsLoading);
    }

    [Fact]
    public async Task Missing_permissions_in_a_channel_are_typed_and_counted_as_invalid_requests()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.SetChannelError(77, 403, 50013, "Missing Permissions");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.CreateMessageAsync(77, new MessageCreate { Content = "log" }));

        Assert.True(error.IsMissingPermissions);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(1, harness.Services.GetService(typeof(InvalidRequestMonitor)) is InvalidRequestMonitor monitor ? monitor.Count : -1);
    }

    [Fact]
    public async Task A_rejected_token_stops_further_bot_requests_without_sending_them()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.NDU2.a-revoked-token" });

        var first = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetCurrentApplicationAsync());
        var second = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetGatewayBotAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("Reset Token", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Single(harness.Server.Calls);
    }

    [Fact]
    public async Task Too_many_files_and_files_over_the_interaction_limit_never_leave_the_bot()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").WithAttachmentSizeLimit(1024).DispatchAsync();
        var big = new DiscordFile("big.png", new byte[2048], "image/png");

        var error = await Assert.ThrowsAsync<DiscordValidationException>(() => harness.Client.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, InteractionResponse.Message(new InteractionCallbackData { Content = "here" }), [big], maxFileSize: interaction.AttachmentSizeLimit));

        Assert.Equal("files[0]", Assert.Single(error.Errors).Path);
        Assert.Empty(harness.Server.Calls);
    }

    [Fact]
    public async Task A_file_over_the_limit_that_reaches_Discord_is_a_413_payload_too_large()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").WithAttachmentSizeLimit(1024).DispatchAsync();

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.CreateClient(validateLocally: false).CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, InteractionResponse.Message("here"), [new DiscordFile("big.png", new byte[2048], "image/png")]));

        Assert.True(error.IsPayloadTooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Null(interaction.InitialResponse);
    }
}
