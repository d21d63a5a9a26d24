namespace SeedreamBot.Discord.Models;

/// <summary>
/// A server the bot is in, as <c>GET /users/@me/guilds</c> lists it (a partial guild with the bot's own standing).
/// </summary>
public sealed class UserGuild
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public string? Icon { get; init; }

    /// <summary>True when the current user owns the server (never for a bot).</summary>
    public bool Owner { get; init; }

    /// <summary>The current user's permissions in the server (roles combined, before channel overwrites).</summary>
    public Permissions Permissions { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];
}
