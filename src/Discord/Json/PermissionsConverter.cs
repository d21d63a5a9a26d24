using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Json;

/// <summary>
/// Permission bitfields travel as decimal strings (they exceed 2^53). Reads strings or numbers, writes strings.
/// </summary>
public sealed class PermissionsConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return (Permissions)reader.GetUInt64();
        }

        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException($"Expected a permission bitfield string, got {reader.TokenType}.");
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? (Permissions)bits
            : throw new JsonException($"'{text}' is not a permission bitfield.");
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
}
