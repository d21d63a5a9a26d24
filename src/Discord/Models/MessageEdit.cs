namespace SeedreamBot.Discord.Models;

/// <summary>
/// An edit of a message, an interaction's <c>@original</c> or a follow-up. Null members are left unchanged; set
/// <c>Content = ""</c> or <c>Embeds = []</c> to clear. <see cref="Attachments"/> is the full list to keep (plus
/// the uploaded files, which the REST client appends); when null, existing attachments stay.
/// </summary>
public sealed class MessageEdit : IMessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
}
