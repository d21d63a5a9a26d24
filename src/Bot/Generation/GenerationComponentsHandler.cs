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
    private readonly ModeratorPolicy _moderators;

    public GenerationComponentsHandler(
        GenerationService generations,
        GenerationStarter starter,
        PendingEditStore pending,
        ModeratorPolicy moderators)
    {
        _generations = generations;
        _starter = starter;
        _pending = pending;
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

    private Task RerunAsync(InteractionContext context, GenerationRecord generation, GenerationOrigin origin) =>
        _starter.StartAsync(
            context,
            origin,
            GenerationRequestValidator.Validate(
                generation.Prompt, generation.Size, generation.AspectRatio, generation.Format, generation.InputImageUrls),
            [],
            generation.Id);

    private Task EditResultAsync(InteractionContext context, GenerationRecord generation)
    {
        // The message's own attachment URL is freshly signed by Discord; Apiframe's URL is the fallback (linked results).
        var resultUrl = context.Interaction.Message?.Attachments.FirstOrDefault(a => a.IsImage)?.Url ?? generation.ResultUrl;
        if (resultUrl is null)
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
                [resultUrl]),
            [],
            generation.Id);
    }

    private async Task SubmitMessageEditAsync(InteractionContext context, string pendingId)
    {
        var pending = _pending.Find(pendingId);
        if (pending is null || pending.UserId != context.UserId)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "GenerationGone")).ConfigureAwait(false);
            return;
        }

        await _starter.StartAsync(
            context,
            GenerationOrigin.MessageEdit,
            GenerationRequestValidator.Validate(
                context.Interaction.GetModalValue(GenerationButtons.PromptInput),
                ImageSize.TwoK,
                AspectRatios.MatchInputImage,
                OutputFormat.Png,
                pending.ImageUrls),
            []).ConfigureAwait(false);
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
