using System.Globalization;
using Humanizer;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Checks images a member gave (attachments, or images found on a message) before anything is held or sent:
/// each must be a PNG, JPEG, WebP or GIF (what Apiframe accepts) and within the size limit.
/// </summary>
public static class AttachmentInputs
{
    private static readonly string[] AcceptedTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    public static IReadOnlyList<string> Check(IEnumerable<Attachment> attachments, long maxBytes, CultureInfo culture, out List<string> urls)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var errors = new List<string>();
        urls = [];
        foreach (var attachment in attachments)
        {
            var type = attachment.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (type is null || !AcceptedTypes.Contains(type))
            {
                errors.Add(BotText.Format(culture, "InputNotImage", attachment.Filename, type ?? BotText.Get(culture, "UnknownType")));
            }
            else if (attachment.Size > maxBytes)
            {
                errors.Add(BotText.Format(
                    culture,
                    "InputTooLarge",
                    attachment.Filename,
                    attachment.Size.Bytes().Humanize("0.#", culture),
                    maxBytes.Bytes().Humanize("0.#", culture)));
            }
            else
            {
                urls.Add(attachment.Url);
            }
        }

        return errors;
    }
}
