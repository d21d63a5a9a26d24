using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// A modal field with a title (≤ 45) and optional description (≤ 100) wrapping one input component. This is the
/// current modal layout; in a modal submit the wrapped component carries the value.
/// </summary>
public sealed class Label : Component
{
    public override ComponentType Type => ComponentType.Label;

    /// <summary>The label text (<c>label</c> on the wire).</summary>
    [JsonPropertyName("label")]
    public string Text { get; init; } = "";

    public string? Description { get; init; }

    public Component? Component { get; init; }
}
