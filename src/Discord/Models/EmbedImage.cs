namespace SeedreamBot.Discord.Models;

/// <summary>The large image of an embed. Bots set only <see cref="Url"/>; Discord fills in the rest.</summary>
public sealed class EmbedImage
{
    /// <summary>http(s) or <c>attachment://name</c> (see <see cref="DiscordFile.AttachmentUrl"/>).</summary>
    public string Url { get; init; } = "";

    public string? ProxyUrl { get; init; }

    public int? Height { get; init; }

    public int? Width { get; init; }
}
