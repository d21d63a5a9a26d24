using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>The partial application in READY.</summary>
public sealed record ReadyApplication(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] ulong Id,
    long Flags = 0);
