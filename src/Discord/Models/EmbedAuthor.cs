namespace SeedreamBot.Discord.Models;

/// <summary>An embed author line: name up to 256 characters, optional link and icon.</summary>
public sealed class EmbedAuthor
{
    public string Name { get; init; } = "";

    public string? Url { get; init; }

    /// <summary>http(s) or <c>attachment://name</c>.</summary>
    public string? IconUrl { get; init; }

    public string? ProxyIconUrl { get; init; }
}
