namespace SeedreamBot.Discord.Models;

/// <summary>
/// The <c>data</c> of an interaction response: message fields for types 4 and 7 (and flags for 5), modal fields
/// (<see cref="CustomId"/>, <see cref="Title"/>, <see cref="Components"/>) for type 9, choices for type 8.
/// </summary>
public sealed class InteractionCallbackData : IMessagePayload
{
    public bool? Tts { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Ephemeral (64), SuppressEmbeds, SuppressNotifications, IsComponentsV2.</summary>
    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Filled in by the REST client for uploaded files; list existing ones here to keep them on type 7.</summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>Modal only: its custom_id (1–100 characters).</summary>
    public string? CustomId { get; init; }

    /// <summary>Modal only: its title (1–45 characters).</summary>
    public string? Title { get; init; }

    /// <summary>Autocomplete only: up to 25 suggestions.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
}
