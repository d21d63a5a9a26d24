namespace SeedreamBot.Discord.Models;

/// <summary>A guild role.</summary>
public sealed class Role
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public int Color { get; init; }

    public bool Hoist { get; init; }

    public int Position { get; init; }

    public Permissions Permissions { get; init; }

    public bool Managed { get; init; }

    public bool Mentionable { get; init; }

    /// <summary>The mention markup, <c>&lt;@&amp;id&gt;</c>.</summary>
    public string Mention => $"<@&{Id}>";
}
