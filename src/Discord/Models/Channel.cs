namespace SeedreamBot.Discord.Models;

/// <summary>A (usually partial) channel, as found in interactions and <c>resolved.channels</c>.</summary>
public sealed class Channel
{
    public ulong Id { get; init; }

    public ChannelType Type { get; init; }

    public ulong? GuildId { get; init; }

    public string? Name { get; init; }

    public ulong? ParentId { get; init; }

    public bool? Nsfw { get; init; }

    /// <summary>The invoking member's computed permissions in this channel (resolved channels only).</summary>
    public Permissions? Permissions { get; init; }

    /// <summary>The other users of a DM channel (<c>POST /users/@me/channels</c>).</summary>
    public IReadOnlyList<User>? Recipients { get; init; }

    /// <summary>The mention markup, <c>&lt;#id&gt;</c>.</summary>
    public string Mention => $"<#{Id}>";
}
