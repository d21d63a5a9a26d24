using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>The bot's own user as READY describes it.</summary>
public sealed record GatewayUser(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] ulong Id,
    string Username,
    string? GlobalName = null,
    bool Bot = false);
