namespace SeedreamBot.Discord.Models;

/// <summary>
/// Which mentions in a message may ping. A bot that echoes user text (prompts) should send <see cref="None"/> or
/// <see cref="OnlyUsers"/> so nobody can make it ping @everyone.
/// </summary>
public sealed class AllowedMentions
{
    /// <summary>Mention types to parse from the content: <c>roles</c>, <c>users</c>, <c>everyone</c>.</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    public IReadOnlyList<ulong>? Roles { get; init; }

    public IReadOnlyList<ulong>? Users { get; init; }

    /// <summary>For replies: whether to ping the author of the replied-to message.</summary>
    public bool? RepliedUser { get; init; }

    /// <summary>No mention pings anyone (<c>"parse": []</c>).</summary>
    public static AllowedMentions None => new() { Parse = [] };

    /// <summary>Only the given users are pinged; roles and @everyone never.</summary>
    public static AllowedMentions OnlyUsers(params ulong[] userIds) => new() { Parse = [], Users = userIds };
}
