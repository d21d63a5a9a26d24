namespace SeedreamBot.Discord.Models;

/// <summary>The small top-right image of an embed. Bots set only <see cref="Url"/>.</summary>
public sealed class EmbedThumbnail
{
    /// <summary>http(s) or <c>attachment://name</c>.</summary>
    public string Url { get; init; } = "";

    public string? ProxyUrl { get; init; }

    public int? Height { get; init; }

    public int? Width { get; init; }
}
