using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The parts of GUILD_CREATE the bot uses (it arrives only with the GUILDS intent): the server joined or became
/// available. <see cref="Unavailable"/> true means an outage, not a join.
/// </summary>
public sealed record GuildCreateEvent(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] ulong Id,
    string? Name = null,
    bool Unavailable = false,
    int? MemberCount = null);
