namespace SeedreamBot.Discord.Models;

/// <summary>Text input styles in modals.</summary>
public enum TextInputStyle
{
    /// <summary>One line.</summary>
    Short = 1,

    /// <summary>Several lines.</summary>
    Paragraph = 2,
}
