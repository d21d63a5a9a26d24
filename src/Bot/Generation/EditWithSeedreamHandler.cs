using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Generation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The "Edit with Seedream" message command: collects the message's images (attachments, then embed images), up
/// to 14, and opens a modal asking what to change. The modal is handled by <see cref="GenerationComponentsHandler"/>.
/// </summary>
public sealed class EditWithSeedreamHandler : IInteractionHandler
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".gif"];

    private readonly PendingEditStore _pending;

    public EditWithSeedreamHandler(PendingEditStore pending) => _pending = pending;

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(GenerationCommands.EditWithSeedream);

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Interaction.TargetMessage;
        var urls = message is null ? [] : ImagesOn(message);
        if (urls.Count == 0)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "NoImagesOnMessage")).ConfigureAwait(false);
            return;
        }

        var pending = _pending.Create(
            context.UserId,
            context.GuildId,
            [.. urls.Take(GenerationRequest.MaxInputImages)],
            urls.Count > GenerationRequest.MaxInputImages);
        await context.ShowModalAsync(GenerationButtons.PromptModal(
            GenerationButtons.MessageEdit,
            pending.Id,
            BotText.Get(context.Culture, "EditModalTitle"),
            BotText.Format(context.Culture, "EditModalLabelImages", BotText.Quantity(context.Culture, "Image", pending.ImageUrls.Count)),
            BotText.Get(context.Culture, "EditModalPlaceholder"))).ConfigureAwait(false);
    }

    /// <summary>Image URLs on a message: its image attachments first, then its embeds' images and thumbnails.</summary>
    public static List<string> ImagesOn(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var urls = new List<string>();
        foreach (var attachment in message.Attachments)
        {
            if (attachment.IsImage || (attachment.ContentType is null && LooksLikeImage(attachment.Filename)))
            {
                urls.Add(attachment.Url);
            }
        }

        foreach (var embed in message.Embeds)
        {
            foreach (var url in new[] { embed.Image?.Url, embed.Thumbnail?.Url })
            {
                if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    urls.Add(url);
                }
            }
        }

        return [.. urls.Distinct(StringComparer.Ordinal)];
    }

    private static bool LooksLikeImage(string fileName) =>
        ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}
