namespace SeedreamBot.Discord.Models;

/// <summary>
/// The body of <c>POST /channels/{id}/messages</c>. Set <see cref="Nonce"/> with <see cref="EnforceNonce"/> so a
/// retried post (after a timeout) returns the first message instead of creating a duplicate.
/// </summary>
public sealed class MessageCreate : IMessagePayload
{
    public string? Content { get; init; }

    /// <summary>Up to 25 characters; unique per logical message.</summary>
    public string? Nonce { get; init; }

    /// <summary>With a nonce: Discord de-duplicates posts with the same nonce for a few minutes.</summary>
    public bool? EnforceNonce { get; init; }

    public bool? Tts { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageReference? MessageReference { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>SuppressEmbeds, SuppressNotifications, IsComponentsV2 (not Ephemeral: that is for interactions).</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>A fresh nonce suitable for <see cref="Nonce"/> (22 characters).</summary>
    public static string NewNonce() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
