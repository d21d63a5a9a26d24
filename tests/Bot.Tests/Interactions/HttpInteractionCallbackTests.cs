using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Tests.Interactions;

/// <summary>
/// The HTTP-response path of an initial response: the first one becomes the response body and is only "sent" once
/// written; files go over the REST callback with a 202; after Discord's window, or a refused first answer, it behaves
/// like the REST callback would.
/// </summary>
public sealed class HttpInteractionCallbackTests
{
    private static readonly Interaction Command = new()
    {
        Id = 1200000000000000001,
        ApplicationId = 1100000000000000001,
        Type = InteractionType.ApplicationCommand,
        Token = "token",
        User = new User { Id = 5, Username = "ada" },
    };

    private readonly IInteractionCallback _rest = Substitute.For<IInteractionCallback>();

    [Fact]
    public async Task The_first_response_is_the_answer_and_counts_as_sent_once_written()
    {
        var callback = new HttpInteractionCallback(_rest);

        var sending = callback.SendAsync(Command, InteractionResponse.Defer(ephemeral: true), null, CancellationToken.None);
        var answer = await callback.Answer;

        Assert.Equal(200, answer.StatusCode);
        var json = JsonNode.Parse(answer.Json!)!;
        Assert.Equal(5, json["type"]!.GetValue<int>());
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        Assert.False(sending.IsCompleted);
        callback.Written();
        await sending;
        await _rest.DidNotReceiveWithAnyArgs().SendAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task A_response_with_files_goes_over_the_callback_and_the_request_gets_202()
    {
        var callback = new HttpInteractionCallback(_rest);
        var files = new[] { new DiscordFile("a.png", new byte[] { 1, 2, 3 }, "image/png") };
        var response = InteractionResponse.Message(new InteractionCallbackData
        {
            Content = "here",
            Attachments = [new AttachmentReference(0, "a.png")],
        });

        await callback.SendAsync(Command, response, files, CancellationToken.None);

        Assert.Equal(HttpInteractionAnswer.AnsweredByCallback, await callback.Answer);
        await _rest.Received(1).SendAsync(Command, response, files, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task After_Discords_window_a_response_fails_like_a_late_callback()
    {
        var callback = new HttpInteractionCallback(_rest);

        Assert.True(callback.GiveUp());
        var late = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            callback.SendAsync(Command, InteractionResponse.Defer(), null, CancellationToken.None));

        Assert.True(late.IsUnknownInteraction);
        Assert.Equal(HttpInteractionAnswer.TooLate, await callback.Answer);
    }

    [Fact]
    public async Task A_response_the_request_could_not_carry_fails_like_a_late_callback()
    {
        var callback = new HttpInteractionCallback(_rest);

        var sending = callback.SendAsync(Command, InteractionResponse.Defer(), null, CancellationToken.None);
        await callback.Answer;
        callback.WriteFailed(new IOException("connection reset"));

        Assert.True((await Assert.ThrowsAsync<DiscordHttpException>(() => sending)).IsUnknownInteraction);
        Assert.False(callback.GiveUp());
    }

    [Fact]
    public async Task A_response_Discord_would_refuse_throws_before_the_request_is_spent()
    {
        var callback = new HttpInteractionCallback(_rest);

        await Assert.ThrowsAnyAsync<Exception>(() => callback.SendAsync(
            Command, InteractionResponse.Message(new InteractionCallbackData { Content = new string('x', 2001) }), null, CancellationToken.None));
        Assert.False(callback.Answer.IsCompleted);

        var apology = callback.SendAsync(Command, InteractionResponse.Message("sorry", ephemeral: true), null, CancellationToken.None);
        Assert.Equal(4, JsonNode.Parse((await callback.Answer).Json!)!["type"]!.GetValue<int>());
        callback.Written();
        await apology;
    }

    [Fact]
    public async Task Handling_that_ends_without_a_response_answers_500()
    {
        var callback = new HttpInteractionCallback(_rest);

        callback.HandlingEnded();

        Assert.Equal(HttpInteractionAnswer.Unanswered, await callback.Answer);
    }

    [Fact]
    public async Task A_slow_handler_gets_the_safety_net_deferral_as_the_http_response_and_replies_by_editing_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var rest = Substitute.For<IDiscordRestClient>();
        var handlerMayReply = new TaskCompletionSource();
        var handler = new SlowHandler(handlerMayReply.Task);
        using var meters = new TestMeterFactory();
        var processor = new InteractionProcessor(
            [handler], [], rest, Substitute.For<IHostApplicationLifetime>(), new InteractionMetrics(meters), time,
            new ChannelPermissionWatch(NullLogger<ChannelPermissionWatch>.Instance), NullLogger<InteractionProcessor>.Instance);
        var callback = new HttpInteractionCallback(new RestInteractionCallback(rest));
        var command = new Interaction
        {
            Id = Command.Id,
            ApplicationId = Command.ApplicationId,
            Type = InteractionType.ApplicationCommand,
            Token = Command.Token,
            User = Command.User,
            Data = new InteractionData { Name = "slow" },
        };

        var processing = processor.ProcessAsync(command, time.GetUtcNow(), callback, CancellationToken.None);
        await handler.Started;
        Assert.False(callback.Answer.IsCompleted);
        time.Advance(InteractionProcessor.SafetyNetDelay);
        var answer = await callback.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        callback.Written();
        handlerMayReply.SetResult();
        await processing.WaitAsync(TimeSpan.FromSeconds(10));

        var json = JsonNode.Parse(answer.Json!)!;
        Assert.Equal(5, json["type"]!.GetValue<int>());
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        await rest.Received(1).EditOriginalResponseAsync(
            Command.ApplicationId, "token", Arg.Is<MessageEdit>(edit => edit.Content == "done"),
            Arg.Any<IReadOnlyList<DiscordFile>?>(), Arg.Any<long?>(), Arg.Any<CancellationToken>());
        await rest.DidNotReceiveWithAnyArgs().CreateInteractionResponseAsync(default, default!, default!, default, default, default);
    }

    private sealed class SlowHandler(Task mayReply) : IInteractionHandler
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands("slow");

        public bool RequiresAdmission => false;

        public async Task HandleAsync(InteractionContext context)
        {
            _started.SetResult();
            await mayReply;
            await context.ReplyPrivatelyAsync("done");
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
