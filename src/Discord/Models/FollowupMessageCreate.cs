namespace SeedreamBot.Discord.Models;

/// <summary>The body of a follow-up message (<c>POST /webhooks/{application}/{token}</c>).</summary>
public sealed class FollowupMessageCreate : IMessagePayload
{
    public string? Content { get; init; }

    public bool? Tts { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>Ephemeral (64) makes the follow-up visible only to the invoking user.</summary>
    public MessageFlags? Flags { get; init; }
}
