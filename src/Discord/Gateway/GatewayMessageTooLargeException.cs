using System.Text;
using System.Text.Json;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Discord sent a message larger than <c>Discord:MaxGatewayMessageBytes</c>; reading stopped at the cap, so the
/// bot's memory stays bounded. What could be read from its start (the event name and sequence number, which Discord
/// writes before the data) is kept, so the shard can resume past it.
/// </summary>
public sealed class GatewayMessageTooLargeException : Exception
{
    public GatewayMessageTooLargeException()
    {
    }

    public GatewayMessageTooLargeException(string message)
        : base(message)
    {
    }

    public GatewayMessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GatewayMessageTooLargeException(long readBytes, long limit, ReadOnlySpan<byte> start)
        : base($"A gateway message passed the {limit}-byte limit (Discord:MaxGatewayMessageBytes) after {readBytes} bytes.")
    {
        Limit = limit;
        (EventName, Sequence) = Peek(start);
    }

    /// <summary>The cap that was hit.</summary>
    public long Limit { get; }

    /// <summary>The dispatch's event name (<c>t</c>), when it came before the data.</summary>
    public string? EventName { get; }

    /// <summary>The dispatch's sequence number (<c>s</c>), when it came before the data.</summary>
    public int? Sequence { get; }

    /// <summary>Reads the top-level <c>t</c> and <c>s</c> of a payload from as much of it as there is.</summary>
    internal static (string? EventName, int? Sequence) Peek(ReadOnlySpan<byte> start)
    {
        string? eventName = null;
        int? sequence = null;
        var reader = new Utf8JsonReader(start, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = Encoding.UTF8.GetString(reader.ValueSpan);
                if (name == "d" || !reader.Read())
                {
                    // The data is what made the message large; "t" and "s" normally come first.
                    break;
                }

                switch (name)
                {
                    case "t" when reader.TokenType == JsonTokenType.String:
                        eventName = reader.GetString();
                        break;
                    case "s" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var s):
                        sequence = s;
                        break;
                    default:
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            return (eventName, sequence);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: nothing more to learn.
        }

        return (eventName, sequence);
    }
}
