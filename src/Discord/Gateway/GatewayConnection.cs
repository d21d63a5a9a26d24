using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: whole-message reads (a payload may span many frames), serialized and rate-limited
/// sends that refuse oversized payloads, and a bounded close.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    /// <summary>Discord closes the connection (4002) for a payload larger than this.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>The default cap on one received message (<c>Discord:MaxGatewayMessageBytes</c>).</summary>
    public const int DefaultMaxMessageBytes = 8 * 1024 * 1024;

    private const int InitialBufferBytes = 16 * 1024;

    // After a message this large the buffer is dropped, so one big GUILD_CREATE does not pin its size for good.
    private const int KeepBufferBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter;
    private readonly GatewayTimings _timings;
    private readonly TimeProvider _time;
    private readonly long _maxMessageBytes;
    private ArrayBufferWriter<byte> _received = new(InitialBufferBytes);

    private GatewayConnection(GatewayTimings timings, TimeProvider time, long maxMessageBytes)
    {
        _timings = timings;
        _time = time;
        _maxMessageBytes = maxMessageBytes;
        _limiter = new GatewaySendLimiter(timings.SendLimit, timings.SendWindow, timings.ReservedEssentialSends, time);
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // Discord's heartbeats are the keep-alive.
    }

    /// <summary>The close code the server sent, once it closed.</summary>
    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<GatewayConnection> ConnectAsync(
        Uri uri, GatewayTimings timings, TimeProvider time, CancellationToken cancellationToken, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        var connection = new GatewayConnection(timings, time, maxMessageBytes);
        try
        {
            using var timeout = new CancellationTokenSource(timings.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await connection._socket.ConnectAsync(uri, linked.Token);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Serializes a command, refusing it if it exceeds <see cref="MaxPayloadBytes"/>.</summary>
    /// <exception cref="GatewayPayloadTooLargeException">The payload is too large to send.</exception>
    public static byte[] Encode<TData>(GatewayOpCode op, TData data, JsonTypeInfo<GatewayCommand<TData>> typeInfo)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<TData>(op, data), typeInfo);
        return bytes.Length <= MaxPayloadBytes ? bytes : throw new GatewayPayloadTooLargeException(op, bytes.Length);
    }

    /// <summary>Reads one whole message; null when the server closed the connection (see <see cref="CloseStatus"/>).</summary>
    /// <remarks>The returned memory is valid until the next call.</remarks>
    /// <exception cref="GatewayMessageTooLargeException">The message passed the cap; the connection must be closed.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_received.Capacity > KeepBufferBytes)
        {
            _received = new ArrayBufferWriter<byte>(InitialBufferBytes);
        }

        _received.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_received.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _received.Advance(result.Count);
            if (_received.WrittenCount > _maxMessageBytes)
            {
                var start = _received.WrittenSpan[..Math.Min(_received.WrittenCount, 4096)];
                throw new GatewayMessageTooLargeException(_received.WrittenCount, _maxMessageBytes, start);
            }

            if (result.EndOfMessage)
            {
                return _received.WrittenMemory;
            }
        }
    }

    /// <summary>
    /// Sends one encoded payload. <paramref name="essential"/> payloads (heartbeat, identify, resume) may use the sends
    /// the limiter keeps in reserve.
    /// </summary>
    public async Task SendAsync(GatewayOpCode op, ReadOnlyMemory<byte> payload, bool essential, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException(op, payload.Length);
        }

        await _limiter.WaitAsync(essential, cancellationToken);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends our close frame, giving up after the close timeout (a zombie connection may never take it). Never throws:
    /// the connection is being abandoned either way.
    /// </summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_timings.CloseTimeout, _time);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
