using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Json;

/// <summary>
/// Reads a component by its <c>type</c> wherever that member sits in the object (Discord does not promise order),
/// and keeps unmodelled types as <see cref="UnknownComponent"/> instead of failing the whole interaction.
/// </summary>
public sealed class ComponentConverter : JsonConverter<Component>
{
    public override Component? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException("A component must be an object with a numeric 'type'.");
        }

        var type = (ComponentType)typeElement.GetInt32();
        return type switch
        {
            ComponentType.ActionRow => Read<ActionRow>(root, options),
            ComponentType.Button => Read<Button>(root, options),
            ComponentType.TextInput => Read<TextInput>(root, options),
            ComponentType.Label => Read<Label>(root, options),
            ComponentType.TextDisplay => Read<TextDisplay>(root, options),
            _ => new UnknownComponent(type, root.Clone()),
        };
    }

    public override void Write(Utf8JsonWriter writer, Component value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case UnknownComponent unknown:
                unknown.Raw.WriteTo(writer);
                break;
            case ActionRow row:
                JsonSerializer.Serialize(writer, row, TypeInfo<ActionRow>(options));
                break;
            case Button button:
                JsonSerializer.Serialize(writer, button, TypeInfo<Button>(options));
                break;
            case TextInput input:
                JsonSerializer.Serialize(writer, input, TypeInfo<TextInput>(options));
                break;
            case Label label:
                JsonSerializer.Serialize(writer, label, TypeInfo<Label>(options));
                break;
            case TextDisplay text:
                JsonSerializer.Serialize(writer, text, TypeInfo<TextDisplay>(options));
                break;
            default:
                throw new JsonException($"Cannot write component {value.GetType().Name}.");
        }
    }

    private static T Read<T>(JsonElement element, JsonSerializerOptions options)
        where T : Component =>
        element.Deserialize(TypeInfo<T>(options)) ?? throw new JsonException($"Empty {typeof(T).Name}.");

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
