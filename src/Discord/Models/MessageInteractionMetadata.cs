namespace SeedreamBot.Discord.Models;

/// <summary>On a message created by an interaction: which interaction, of what type, by whom.</summary>
public sealed class MessageInteractionMetadata
{
    public ulong Id { get; init; }

    public InteractionType Type { get; init; }

    public User? User { get; init; }

    /// <summary>The command name, for application command interactions.</summary>
    public string? Name { get; init; }

    public ulong? OriginalResponseMessageId { get; init; }

    /// <summary>For component interactions: the message the component was on.</summary>
    public ulong? InteractedMessageId { get; init; }
}
