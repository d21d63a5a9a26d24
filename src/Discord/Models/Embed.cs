namespace SeedreamBot.Discord.Models;

/// <summary>
/// A rich embed. Limits (title 256, description 4,096, 25 fields, 6,000 in total across a message's embeds) are
/// checked before sending; <see cref="EmbedBuilder"/> checks them as you build.
/// </summary>
public sealed class Embed
{
    public string? Title { get; init; }

    /// <summary>Always <c>rich</c> for bot embeds; other values appear on received link previews.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    /// <summary>Shown in the footer, in the reader's time zone (ISO 8601 on the wire).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The stripe colour as 0xRRGGBB.</summary>
    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedImage? Image { get; init; }

    public EmbedThumbnail? Thumbnail { get; init; }

    public EmbedAuthor? Author { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
