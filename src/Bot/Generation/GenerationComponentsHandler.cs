using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Moderation;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Everything with a <c>gen:</c> custom id: the Re-roll, Edit and Delete buttons under a result, the re-run
/// buttons of <c>/history</c>, and the two prompt modals. State comes from LiteDB records named in the id, so all
/// of it works after a restart. Only the requester may use a result's buttons (moderators may also delete).
/// </summary>
public sealed class GenerationComponentsHandler : IInteractionHandler
{
    private readonly GenerationService _generations;
    private readonly GenerationStarter _starter;
    private readonly PendingEditStore _pending;
    private readonly InputImages _inputs;
    private readonly ModeratorPolicy _moderators;

    public GenerationComponentsHandler(
        GenerationService generations,
        GenerationStarter starter,
        PendingEditStore pending,
        InputImages inputs,
        ModeratorPolicy moderators)
    {
        _generations = generations;
        _starter = starter;
        _pending = pending;
        _inputs = inputs;
        _moderators = moderators;
    }

    public InteractionRoutes Routes { get; } = new([], [GenerationButtons.Prefix]);

    public bool DeferPrivately => false;

    /// <summary>
    /// Re-roll and re-run start a generation in a new public message, so a slow start is covered by "thinking…" in
    /// that new message (the generation then continues in it); Delete and Edit leave the button's message alone.
    /// </summary>
    public SafetyNetDeferral SafetyNetFor(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type is not InteractionType.MessageComponent)
        {
            return SafetyNetDeferral.Public;
        }

        return CustomId.TryParse(interaction.CustomId, out var customId) && customId.Action is GenerationButtons.Reroll or GenerationButtons.Rerun
            ? SafetyNetDeferral.Public
            : SafetyNetDeferral.Update;
    }

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CustomId.TryParse(context.Interaction.CustomId, out var customId) || customId.Argument(0) is not { } argument)
        {
            await context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)).ConfigureAwait(false);
            return;
        }

        if (customId.Action == GenerationButtons.MessageEdit)
        {
            await SubmitMessageEditAsync(context, argument).ConfigureAwait(false);
            return;
        }

        var generation = _generations.Find(argument);
        if (generation is null)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "GenerationGone")).ConfigureAwait(false);
            return;
        }

        var isRequester = generation.UserId == context.UserId;
        if (customId.Action == GenerationButtons.Delete)
        {
            await DeleteAsync(context, generation, isRequester || _moderators.IsModerator(context.Interaction)).ConfigureAwait(false);
            return;
        }

        if (!isRequester)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "OnlyRequester")).ConfigureAwait(false);
            return;
        }

        switch (customId.Action)
        {
            case GenerationButtons.Reroll:
                await RerunAsync(context, generation, GenerationOrigin.Reroll).ConfigureAwait(false);
                break;
            case GenerationButtons.Rerun:
                await RerunAsync(context, generation, GenerationOrigin.Rerun).ConfigureAwait(false);
                break;
            case GenerationButtons.Edit:
                await context.ShowModalAsync(GenerationButtons.PromptModal(
                    GenerationButtons.EditPrompt,
                    generation.Id,
                    BotText.Get(context.Culture, "EditModalTitle"),
                    BotText.Get(context.Culture, "EditModalLabel"),
                    BotText.Get(context.Culture, "EditModalPlaceholder"))).ConfigureAwait(false);
                break;
            case GenerationButtons.EditPrompt:
                await EditResultAsync(context, generation).ConfigureAwait(false);
                break;
            default:
                await context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// The same request again. Its stored input links have expired by now: kept copies are uploaded to Apiframe and
    /// images on messages get fresh links from Discord, or the member hears which input is gone.
    /// </summary>
    private Task RerunAsync(InteractionContext context, GenerationRecord generation, GenerationOrigin origin)
    {
        var inputs = InputImages.Of(generation);
        return _starter.StartAsync(
            context,
            origin,
            GenerationRequestValidator.Validate(
                generation.Prompt, generation.Size, generation.AspectRatio, generation.Format, generation.InputImageUrls),
            [],
            generation.Id,
            inputs.Count == 0 ? null : token => _inputs.RefreshAsync(inputs, context.Culture, token));
    }

    /// <summary>
    /// The result becomes the input. It lives on its message: the link in this interaction is freshly signed, and the
    /// message is remembered so that a later Re-roll can ask Discord for a fresh one again.
    /// </summary>
    private Task EditResultAsync(InteractionContext context, GenerationRecord generation)
    {
        var message = context.Interaction.Message;
        var attachment = message?.Attachments.FirstOrDefault(a => a.IsImage);
        GenerationInput input;
        if (attachment is not null)
        {
            input = new GenerationInput
            {
                Url = attachment.Url,
                FileName = attachment.Filename,
                ChannelId = message!.ChannelId,
                MessageId = message.Id,
                AttachmentId = attachment.Id,
            };
        }
        else if (generation is { ResultChannelId: { } channel, ResultMessageId: { } messageId })
        {
            // The interaction did not carry the result's file: ask its message for the image on it.
            input = new GenerationInput { ChannelId = channel, MessageId = messageId };
        }
        else
        {
            return context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "GenerationGone"));
        }

        return _starter.StartAsync(
            context,
            GenerationOrigin.EditResult,
            GenerationRequestValidator.Validate(
                context.Interaction.GetModalValue(GenerationButtons.PromptInput),
                generation.Size,
                AspectRatios.MatchInputImage,
                generation.Format,
                // Checked for its shape only; the prepared, fresh link replaces it.
                [string.IsNullOrEmpty(input.Url) ? "https://cdn.discordapp.com/" : input.Url]),
            [],
            generation.Id,
            attachment is not null
                ? _ => Task.FromResult(new PreparedInputs([input.Url], [input], []))
                : token => _inputs.RefreshAsync([input], context.Culture, token));
    }

    private async Task SubmitMessageEditAsync(InteractionContext context, string pendingId)
    {
        var pending = _pending.Find(pendingId);
        if (pending is null || pending.UserId != context.UserId)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "GenerationGone")).ConfigureAwait(false);
            return;
        }

        // The images were found on the message when the command was used; their links may be old by the time the
        // modal comes back, and embedded images have no declared type or size: refresh and check each one.
        var inputs = pending.Inputs.Count == pending.ImageUrls.Count
            ? pending.Inputs
            : [.. pending.ImageUrls.Select(url => new GenerationInput { Url = url })];
        await _starter.StartAsync(
            context,
            GenerationOrigin.MessageEdit,
            GenerationRequestValidator.Validate(
                context.Interaction.GetModalValue(GenerationButtons.PromptInput),
                ImageSize.TwoK,
                AspectRatios.MatchInputImage,
                OutputFormat.Png,
                pending.ImageUrls),
            [],
            prepareInputs: token => _inputs.CheckAsync(inputs, context.Culture, token)).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(InteractionContext context, GenerationRecord generation, bool allowed)
    {
        if (!allowed)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "OnlyRequesterOrModerator")).ConfigureAwait(false);
            return;
        }

        // Only the generation's own result message: a Delete button whose id names a generation but sits on any other
        // message (a copy, a crafted or an outdated one) must not delete that message.
        if (generation.ResultMessageId is not { } resultId || context.Interaction.Message?.Id != resultId)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "DeleteNotResult")).ConfigureAwait(false);
            return;
        }

        // For a button, the "original response" is the message the button is on.
        await context.DeferUpdateAsync().ConfigureAwait(false);
        await context.Rest.DeleteOriginalResponseAsync(
            context.Interaction.ApplicationId, context.Interaction.Token, context.CancellationToken).ConfigureAwait(false);
    }
}
