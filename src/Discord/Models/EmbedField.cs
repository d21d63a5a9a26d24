namespace SeedreamBot.Discord.Models;

/// <summary>A name/value pair in an embed (name ≤ 256, value ≤ 1,024 characters, both non-empty).</summary>
public sealed class EmbedField
{
    public string Name { get; init; } = "";

    public string Value { get; init; } = "";

    /// <summary>Lets up to three fields share a row.</summary>
    public bool? Inline { get; init; }
}
