using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>A server listed in READY before its GUILD_CREATE arrives, or one that went down.</summary>
public sealed record UnavailableGuild(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] ulong Id,
    bool Unavailable = true);
