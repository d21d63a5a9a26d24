namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// A payload we were about to send exceeds Discord's 4096-byte limit; sending it would close the connection (4002).
/// </summary>
public sealed class GatewayPayloadTooLargeException : InvalidOperationException
{
    public GatewayPayloadTooLargeException()
    {
    }

    public GatewayPayloadTooLargeException(string message)
        : base(message)
    {
    }

    public GatewayPayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayPayloadTooLargeException(GatewayOpCode op, int size)
        : base($"The gateway {op} payload is {size} bytes; Discord closes the connection for payloads over " +
               $"{GatewayConnection.MaxPayloadBytes} bytes, so it was not sent.")
    {
        Op = op;
        Size = size;
    }

    /// <summary>The opcode of the refused payload.</summary>
    public GatewayOpCode? Op { get; }

    /// <summary>Its size in bytes.</summary>
    public int Size { get; }
}
