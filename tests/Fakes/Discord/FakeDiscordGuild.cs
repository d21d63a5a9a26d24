namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// A server as the fake Discord knows it: its name, owner, members and whether the bot is still in it. Guilds exist
/// when a test adds them or when an interaction comes from them (only members can use a command there).
/// </summary>
public sealed class FakeDiscordGuild
{
    internal FakeDiscordGuild(ulong id, string name, ulong ownerId)
    {
        Id = id;
        Name = name;
        OwnerId = ownerId;
    }

    public ulong Id { get; }

    public string Name { get; internal set; }

    public ulong OwnerId { get; internal set; }

    /// <summary>Members by user id, with their role ids.</summary>
    internal Dictionary<ulong, IReadOnlyList<ulong>> Members { get; } = [];

    /// <summary>Set when the bot left through <c>DELETE /users/@me/guilds/{guild.id}</c>.</summary>
    public bool BotLeft { get; internal set; }

    public IReadOnlyCollection<ulong> MemberIds => [.. Members.Keys];
}
