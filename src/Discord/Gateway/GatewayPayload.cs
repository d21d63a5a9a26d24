using System.Text.Json;

namespace SeedreamBot.Discord.Gateway;

/// <summary>A received payload's envelope (<c>op</c>, <c>s</c>, <c>t</c>) with an owned copy of <c>d</c>.</summary>
internal readonly record struct GatewayPayload(GatewayOpCode Op, int? Sequence, string? EventName, JsonElement Data)
{
    /// <exception cref="JsonException">The message is not a gateway payload.</exception>
    public static GatewayPayload Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException("A gateway payload must be an object with a numeric 'op'.");
        }

        int? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        var eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        // The receive buffer is reused for the next message, so d must not point into it.
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        return new GatewayPayload((GatewayOpCode)op.GetInt32(), sequence, eventName, data);
    }
}
