namespace SeedreamBot.Discord.Models;

/// <summary>A row of up to five buttons (or one select) on a message; in legacy modals, one text input.</summary>
public sealed class ActionRow : Component
{
    public ActionRow()
    {
    }

    public ActionRow(params Component[] components)
    {
        Components = components;
    }

    public override ComponentType Type => ComponentType.ActionRow;

    public IReadOnlyList<Component> Components { get; init; } = [];
}
