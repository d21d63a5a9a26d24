namespace SeedreamBot.Discord.Models;

/// <summary>
/// A text field in a modal. Place it inside a <see cref="Label"/> (current) or an <see cref="ActionRow"/> (legacy,
/// then set <see cref="Label"/> text here). In a modal submit, <see cref="Value"/> holds what the user typed.
/// </summary>
public sealed class TextInput : Component
{
    public override ComponentType Type => ComponentType.TextInput;

    public string CustomId { get; init; } = "";

    /// <summary>Required when sending; absent in modal submissions.</summary>
    public TextInputStyle? Style { get; init; }

    /// <summary>Only for the legacy action-row layout (≤ 45 characters); inside a Label component leave it null.</summary>
    public string? Label { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    /// <summary>Pre-filled text when sending (≤ 4,000); the submitted text in a modal submit.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
