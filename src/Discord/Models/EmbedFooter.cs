namespace SeedreamBot.Discord.Models;

/// <summary>An embed footer: text up to 2,048 characters and an optional icon.</summary>
public sealed class EmbedFooter
{
    public string Text { get; init; } = "";

    /// <summary>http(s) or <c>attachment://name</c>.</summary>
    public string? IconUrl { get; init; }

    public string? ProxyIconUrl { get; init; }
}
