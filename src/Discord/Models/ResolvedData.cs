namespace SeedreamBot.Discord.Models;

/// <summary>
/// Objects an interaction refers to by id (option values, message command targets), keyed by snowflake.
/// Resolved members lack <c>user</c>; their users are in <see cref="Users"/>.
/// </summary>
public sealed class ResolvedData
{
    public IReadOnlyDictionary<ulong, User>? Users { get; init; }

    public IReadOnlyDictionary<ulong, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<ulong, Role>? Roles { get; init; }

    public IReadOnlyDictionary<ulong, Channel>? Channels { get; init; }

    public IReadOnlyDictionary<ulong, Message>? Messages { get; init; }

    public IReadOnlyDictionary<ulong, Attachment>? Attachments { get; init; }
}
