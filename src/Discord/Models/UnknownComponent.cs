using System.Text.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>A component of a type this library does not model; <see cref="Raw"/> keeps it for round-tripping.</summary>
public sealed class UnknownComponent : Component
{
    private readonly ComponentType _type;

    public UnknownComponent(ComponentType type, JsonElement raw)
    {
        _type = type;
        Raw = raw;
    }

    public override ComponentType Type => _type;

    /// <summary>The component JSON as received.</summary>
    public JsonElement Raw { get; }
}
