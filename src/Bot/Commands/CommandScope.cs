using System.Globalization;

namespace SeedreamBot.Bot.Commands;

/// <summary>Where application commands are registered: globally (no guild) or in one guild.</summary>
/// <param name="GuildId">The guild, or null for global commands.</param>
public readonly record struct CommandScope(ulong? GuildId)
{
    public static CommandScope Global { get; } = new(null);

    public bool IsGlobal => GuildId is null;

    public static CommandScope Guild(ulong guildId) => new(guildId);

    /// <summary>For log lines: "globally" or "in guild 123".</summary>
    public override string ToString() =>
        GuildId is { } guild ? string.Create(CultureInfo.InvariantCulture, $"in guild {guild}") : "globally";
}
