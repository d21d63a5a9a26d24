using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Json;

/// <summary>
/// Snowflakes are 64-bit ids that Discord sends as JSON strings (JavaScript numbers lose precision past 2^53).
/// Reads strings or numbers (attachment ids in upload requests may be small numbers) and always writes strings.
/// Every <see cref="ulong"/> in our models is a snowflake, so this is registered for the whole context.
/// </summary>
public sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetUInt64();
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
                if (Utf8Parser.TryParse(span, out ulong value, out var consumed) && consumed == span.Length)
                {
                    return value;
                }

                throw new JsonException($"'{reader.GetString()}' is not a snowflake (a decimal 64-bit id).");
            default:
                throw new JsonException($"Expected a snowflake string, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    // Dictionary keys (resolved.users, resolved.attachments …) are snowflakes too.
    public override ulong ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a snowflake key.");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString(CultureInfo.InvariantCulture));
}
