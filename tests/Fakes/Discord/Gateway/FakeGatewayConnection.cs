using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>The fake's side of one client connection.</summary>
internal sealed class FakeGatewayConnection(int id, WebSocket socket, string queryString, bool viaResumeUrl, int? maxFrameBytes)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Queue<DateTimeOffset> _receivedAt = new();

    public int Id { get; } = id;

    public WebSocket Socket { get; } = socket;

    public string QueryString { get; } = queryString;

    public bool ViaResumeUrl { get; } = viaResumeUrl;

    public int? ShardId { get; set; }

    public bool Identified { get; set; }

    public bool Authenticated { get; set; }

    public FakeGatewaySession? Session { get; set; }

    public volatile bool AckHeartbeats = true;

    public int? ClientCloseCode { get; set; }

    public int? ServerCloseCode { get; set; }

    public volatile bool Open = true;

    public FakeGatewayConnectionInfo Describe() =>
        new(Id, QueryString, ViaResumeUrl, ShardId, Identified, ClientCloseCode, ServerCloseCode, Open);

    /// <summary>Counts a received payload; false when the client exceeded 120 payloads per 60 s.</summary>
    public bool TryCountReceived(DateTimeOffset now)
    {
        while (_receivedAt.Count > 0 && now - _receivedAt.Peek() >= TimeSpan.FromSeconds(60))
        {
            _receivedAt.Dequeue();
        }

        _receivedAt.Enqueue(now);
        return _receivedAt.Count <= 120;
    }

    /// <summary>Sends one payload; false if the socket is gone.</summary>
    public async Task<bool> TrySendAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (!Open || Socket.State != WebSocketState.Open)
            {
                return false;
            }

            var frame = maxFrameBytes is { } size and > 0 ? size : Math.Max(1, bytes.Length);
            var offset = 0;
            do
            {
                var length = Math.Min(frame, bytes.Length - offset);
                offset += length;
                await Socket.SendAsync(bytes.AsMemory(offset - length, length), WebSocketMessageType.Text, offset >= bytes.Length, cancellationToken);
            }
            while (offset < bytes.Length);

            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a close frame; <paramref name="echo"/> answers the client's close rather than starting one.</summary>
    public async Task CloseAsync(int code, string reason, bool echo = false)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (!echo)
            {
                ServerCloseCode ??= code;
            }

            if (Socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            Socket.Abort();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the connection without a close frame, like a network failure.</summary>
    public void Drop()
    {
        Open = false;
        Socket.Abort();
    }
}
