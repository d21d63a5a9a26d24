using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>
/// What the bot's recovery relies on, over the wire against the fake: the original response can be read back with
/// its image and buttons, an edit with <c>attachments: []</c> removes the image, a channel's messages can be read
/// after a snowflake, a streamed upload is read again for a retry, a refused token is reported once, and the fake
/// can be slow or apply a request without confirming it.
/// </summary>
public sealed class RecoveryWireTests
{
    private static readonly byte[] Png = TestImages.Png(4, 4);

    [Fact]
    public async Task The_original_reads_back_with_its_image_and_buttons_and_an_edit_with_no_attachments_removes_the_image()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var interaction = await harness.Server.SlashCommand("imagine").DispatchAsync();
        var applicationId = harness.Server.ApplicationId;
        await harness.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());
        await harness.Client.EditOriginalResponseAsync(
            applicationId,
            interaction.Token,
            new MessageEdit { Content = "", Components = [new ActionRowBuilder().AddButton(ButtonStyle.Secondary, "gen:reroll:abc", "Re-roll").Build()] },
            [new DiscordFile("seedream-abc.png", Png, "image/png")]);

        var read = await harness.Client.GetOriginalResponseAsync(applicationId, interaction.Token);
        await harness.Client.EditOriginalResponseAsync(applicationId, interaction.Token, new MessageEdit { Content = "No image", Components = [], Attachments = [] });
        var cleared = await harness.Client.GetOriginalResponseAsync(applicationId, interaction.Token);

        Assert.Equal("seedream-abc.png", Assert.Single(read.Attachments).Filename);
        Assert.Equal("gen:reroll:abc", read.Components.OfType<ActionRow>().SelectMany(row => row.Components).OfType<Button>().Single().CustomId);
        Assert.Empty(cleared.Attachments);
        Assert.Empty(interaction.Original!.Attachments);
        Assert.Contains("\"attachments\":[]", harness.Server.Calls[^2].Json!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channels_messages_after_a_snowflake_come_newest_first_without_ephemeral_ones()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        const ulong Channel = 4242;
        var before = await harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "before" });
        var posted = new List<Message>();
        for (var i = 0; i < 4; i++)
        {
            posted.Add(await harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "after " + i }));
        }

        var page = await harness.Client.GetChannelMessagesAfterAsync(Channel, before.Id, limit: 3);
        var rest = await harness.Client.GetChannelMessagesAfterAsync(Channel, page.Max(message => message.Id));

        Assert.Equal(["after 2", "after 1", "after 0"], page.Select(message => message.Content));
        Assert.Equal(["after 3"], rest.Select(message => message.Content));
        Assert.Equal("?after=" + before.Id + "&limit=3", harness.Server.Calls.First(call => call.Method == "GET").Query);
    }

    [Fact]
    public async Task Without_Read_Message_History_a_channel_reads_as_empty_and_without_View_Channel_it_is_refused()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        const ulong NoHistory = 51, Hidden = 52;
        await harness.Client.CreateMessageAsync(NoHistory, new MessageCreate { Content = "posted" });
        harness.Server.SetAppPermissions(NoHistory, FakeDiscordServer.DefaultAppPermissions & ~(1UL << 16));
        harness.Server.SetAppPermissions(Hidden, FakeDiscordServer.DefaultAppPermissions & ~(1UL << 10));

        var empty = await harness.Client.GetChannelMessagesAfterAsync(NoHistory, 0);
        var refused = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetChannelMessagesAfterAsync(Hidden, 0));

        Assert.Empty(empty);
        Assert.Equal(DiscordErrorCode.MissingAccess, refused.Code);
    }

    [Fact]
    public async Task A_streamed_file_is_uploaded_and_read_again_from_the_start_for_a_retry()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.InjectFault(call => call.Method == "POST", FakeDiscordFault.ApplyThenFail(502), times: 1);
        var opened = 0;
        var file = DiscordFile.FromStream("ledger.csv", Png.Length, () =>
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(Png, writable: false);
        }, "text/csv");

        // An enforced nonce makes the retry safe: Discord answers it with the message it already made.
        var message = await harness.Client.CreateMessageAsync(9, new MessageCreate { Content = "export", Nonce = "n1", EnforceNonce = true }, [file]);

        Assert.Equal(2, opened);
        Assert.Equal(Png, Assert.Single(harness.Server.LatestMessage(message.Id)!.Attachments).Content);
        Assert.Single(harness.Server.Messages(9));
    }

    [Fact]
    public async Task A_refused_token_is_reported_once_with_the_call_that_saw_it()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.NDU2.a-revoked-token" });
        var rejection = harness.Services.GetRequiredService<DiscordTokenRejection>();

        await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetCurrentApplicationAsync());
        await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetGatewayBotAsync());

        Assert.True(rejection.IsRejected);
        Assert.StartsWith("Discord rejected the bot token (401 on GET /applications/@me)", await rejection.Rejected, StringComparison.Ordinal);
        Assert.Single(harness.Logs.AllText.Split('\n'), line => line.Contains("Reset Token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_Discord_applies_nothing_for_a_client_that_gave_up_but_an_applied_then_hanging_request_took_effect()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Discord:RequestTimeout"] = "00:00:01",
            ["Discord:MaxRetries"] = "0",
        });
        harness.Server.InjectFault(call => call.Method == "POST" && call.Path.EndsWith("/1/messages", StringComparison.Ordinal), FakeDiscordFault.Slow(TimeSpan.FromSeconds(3)));
        harness.Server.InjectFault(call => call.Method == "POST" && call.Path.EndsWith("/2/messages", StringComparison.Ordinal), FakeDiscordFault.ApplyThenHang(TimeSpan.FromSeconds(3)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.CreateMessageAsync(1, new MessageCreate { Content = "slow" }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.CreateMessageAsync(2, new MessageCreate { Content = "hanging" }));
        // The fake notes the slow request once it sees the client is gone, without having applied it.
        await harness.Server.WaitForCallAsync(call => call.Path.EndsWith("/1/messages", StringComparison.Ordinal) && call.StatusCode == 0);

        Assert.Empty(harness.Server.Messages(1));
        Assert.Equal("hanging", Assert.Single(harness.Server.Messages(2)).Content);
        Assert.Equal(2, harness.Server.FaultsMet);
    }
}
