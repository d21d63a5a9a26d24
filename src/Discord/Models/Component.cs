using System.Text.Json.Serialization;
using SeedreamBot.Discord.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// A message or modal component. Reading picks the subclass from <c>type</c>; types this library does not model
/// (selects, Components V2 layouts from other apps) arrive as <see cref="UnknownComponent"/> and round-trip intact.
/// </summary>
[JsonConverter(typeof(ComponentConverter))]
public abstract class Component
{
    /// <summary>The discriminator Discord uses, fixed per subclass.</summary>
    [JsonPropertyOrder(-1)]
    public abstract ComponentType Type { get; }

    /// <summary>Optional numeric identifier unique within the message (Discord assigns one when omitted).</summary>
    public int? Id { get; init; }
}
