using NSubstitute;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Tests.Interactions;

/// <summary>
/// One answer per interaction: when the safety net acknowledged first, the handler's own acknowledgement continues
/// from it instead of answering twice; a handler that answers twice by itself is still a bug that throws.
/// </summary>
public sealed class InteractionContextTests
{
    private readonly IDiscordRestClient _rest = Substitute.For<IDiscordRestClient>();

    [Fact]
    public async Task A_deferral_after_the_safety_nets_deferral_sends_nothing_more()
    {
        var context = Context(InteractionType.ApplicationCommand);

        Assert.True(await context.DeferIfUnansweredAsync(SafetyNetDeferral.Public));
        await context.DeferAsync(privately: false);

        await _rest.Received(1).CreateInteractionResponseAsync(
            Arg.Any<ulong>(), Arg.Any<string>(), Arg.Any<InteractionResponse>(), Arg.Any<IReadOnlyList<DiscordFile>?>(), Arg.Any<long?>(), Arg.Any<CancellationToken>());
        Assert.Equal(AcknowledgementState.DeferredPublic, context.State);
        Assert.True(context.AnsweredBySafetyNet);
    }

    [Fact]
    public async Task A_message_update_after_the_safety_nets_deferred_update_edits_the_components_message()
    {
        var context = Context(InteractionType.MessageComponent);

        Assert.True(await context.DeferIfUnansweredAsync(SafetyNetDeferral.Update));
        await context.UpdateMessageAsync(new InteractionCallbackData { Content = "page 2" });

        await _rest.Received(1).EditOriginalResponseAsync(
            Arg.Any<ulong>(), "token", Arg.Is<MessageEdit>(edit => edit.Content == "page 2"),
            Arg.Any<IReadOnlyList<DiscordFile>?>(), Arg.Any<long?>(), Arg.Any<CancellationToken>());
        await _rest.Received(1).CreateInteractionResponseAsync(
            Arg.Any<ulong>(), Arg.Any<string>(), Arg.Any<InteractionResponse>(), Arg.Any<IReadOnlyList<DiscordFile>?>(), Arg.Any<long?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_modal_after_the_safety_nets_deferral_becomes_a_private_try_again()
    {
        var context = Context(InteractionType.ApplicationCommand);

        Assert.True(await context.DeferIfUnansweredAsync(SafetyNetDeferral.Private));
        var shown = await context.ShowModalAsync(InteractionResponse.Modal("m:1", "Title", new Label { Text = "x", Component = new TextInput { CustomId = "p", Style = TextInputStyle.Short } }));

        Assert.False(shown);
        await _rest.Received(1).EditOriginalResponseAsync(
            Arg.Any<ulong>(), "token", Arg.Is<MessageEdit>(edit => edit.Content!.Contains("too long to open the form", StringComparison.Ordinal)),
            Arg.Any<IReadOnlyList<DiscordFile>?>(), Arg.Any<long?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_safety_net_that_comes_after_the_handlers_answer_does_nothing()
    {
        var context = Context(InteractionType.ApplicationCommand);

        await context.DeferAsync(privately: true);

        Assert.False(await context.DeferIfUnansweredAsync(SafetyNetDeferral.Public));
        Assert.Equal(AcknowledgementState.DeferredPrivate, context.State);
        Assert.False(context.AnsweredBySafetyNet);
    }

    [Fact]
    public async Task A_handler_that_answers_twice_by_itself_is_a_bug_and_throws()
    {
        var context = Context(InteractionType.ApplicationCommand);

        await context.DeferAsync(privately: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.DeferAsync(privately: false));
    }

    private InteractionContext Context(InteractionType type) => new(
        new Interaction
        {
            Id = 1200000000000000001,
            ApplicationId = 1100000000000000001,
            Type = type,
            Token = "token",
            User = new User { Id = 5, Username = "ada" },
        },
        _rest,
        TimeProvider.System,
        DateTimeOffset.UtcNow,
        CancellationToken.None);
}
