namespace SeedreamBot.Discord.Models;

/// <summary>The parts every message-shaped request shares; the validator checks Discord's limits on them.</summary>
public interface IMessagePayload
{
    string? Content { get; }

    IReadOnlyList<Embed>? Embeds { get; }

    IReadOnlyList<Component>? Components { get; }

    IReadOnlyList<AttachmentReference>? Attachments { get; }

    AllowedMentions? AllowedMentions { get; }

    MessageFlags? Flags { get; }
}
