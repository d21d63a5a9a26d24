namespace SeedreamBot.Discord.Models;

/// <summary>Markdown text shown in a modal (or a Components V2 message).</summary>
public sealed class TextDisplay : Component
{
    public override ComponentType Type => ComponentType.TextDisplay;

    public string Content { get; init; } = "";
}
