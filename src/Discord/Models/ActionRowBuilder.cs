using SeedreamBot.Discord.Models.Validation;

namespace SeedreamBot.Discord.Models;

/// <summary>Builds a row of up to five buttons; <see cref="Build"/> checks custom_id, label and url limits.</summary>
public sealed class ActionRowBuilder
{
    private readonly List<Component> _buttons = [];

    public ActionRowBuilder AddButton(ButtonStyle style, string customId, string? label, string? emoji = null, bool disabled = false)
    {
        _buttons.Add(Button.Create(style, customId, label, emoji, disabled));
        return this;
    }

    public ActionRowBuilder AddLink(string url, string label, string? emoji = null)
    {
        _buttons.Add(Button.Link(url, label, emoji));
        return this;
    }

    /// <summary>The row, after checking it the way Discord would.</summary>
    public ActionRow Build()
    {
        var row = new ActionRow { Components = _buttons.ToArray() };
        DiscordValidator.ValidateComponents([row]);
        return row;
    }
}
