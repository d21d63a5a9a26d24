using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The "Edit with Seedream" message command: collects the message's images (attachments, then embed images), up
/// to 14, from Discord's CDN only and with the same type and size checks as <c>/edit</c>, and opens a modal asking
/// what to change (naming any image it will not use). The modal is handled by <see cref="GenerationComponentsHandler"/>.
/// </summary>
public sealed class EditWithSeedreamHandler : IInteractionHandler
{
    private readonly PendingEditStore _pending;
    private readonly InputImages _inputs;

    public EditWithSeedreamHandler(PendingEditStore pending, InputImages inputs)
    {
        _pending = pending;
        _inputs = inputs;
    }

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(GenerationCommands.EditWithSeedream);

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Interaction.TargetMessage;
        var refused = new List<string>();
        var inputs = message is null ? [] : _inputs.FromMessage(message, context.Culture, out refused);
        if (inputs.Count == 0)
        {
            var text = refused.Count == 0
                ? BotText.Get(context.Culture, "NoImagesOnMessage")
                : BotText.Get(context.Culture, "NoUsableImagesOnMessage") + "\n" + string.Join('\n', refused.Select(r => "• " + r));
            await context.ReplyPrivatelyAsync(text).ConfigureAwait(false);
            return;
        }

        var pending = _pending.Create(
            context.UserId,
            context.GuildId,
            [.. inputs.Take(GenerationRequest.MaxInputImages)],
            inputs.Count > GenerationRequest.MaxInputImages);
        var note = refused.Count == 0
            ? null
            : BotText.Get(context.Culture, "EditModalSkipped") + "\n" + string.Join('\n', refused.Select(r => "• " + r));
        await context.ShowModalAsync(GenerationButtons.PromptModal(
            GenerationButtons.MessageEdit,
            pending.Id,
            BotText.Get(context.Culture, "EditModalTitle"),
            BotText.Format(context.Culture, "EditModalLabelImages", BotText.Quantity(context.Culture, "Image", pending.ImageUrls.Count)),
            BotText.Get(context.Culture, "EditModalPlaceholder"),
            note: note)).ConfigureAwait(false);
    }
}
