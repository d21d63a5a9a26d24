namespace SeedreamBot.Discord.Models;

/// <summary>
/// A button. Interactive styles need <see cref="CustomId"/> (1–100 characters, unique per message); links need
/// <see cref="Url"/> (≤ 512) and no custom_id. Labels are at most 80 characters.
/// </summary>
public sealed class Button : Component
{
    public override ComponentType Type => ComponentType.Button;

    public ButtonStyle Style { get; init; }

    public string? Label { get; init; }

    public ComponentEmoji? Emoji { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public ulong? SkuId { get; init; }

    public bool? Disabled { get; init; }

    /// <summary>An interactive button (Primary, Secondary, Success or Danger).</summary>
    public static Button Create(ButtonStyle style, string customId, string? label, string? emoji = null, bool disabled = false)
    {
        if (style is ButtonStyle.Link or ButtonStyle.Premium)
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "Use Button.Link for link buttons; premium buttons need an SKU.");
        }

        return new Button
        {
            Style = style,
            CustomId = customId,
            Label = label,
            Emoji = emoji is null ? null : new ComponentEmoji { Name = emoji },
            Disabled = disabled ? true : null,
        };
    }

    /// <summary>A link button: opens <paramref name="url"/> and sends no interaction.</summary>
    public static Button Link(string url, string label, string? emoji = null) => new()
    {
        Style = ButtonStyle.Link,
        Url = url,
        Label = label,
        Emoji = emoji is null ? null : new ComponentEmoji { Name = emoji },
    };
}
