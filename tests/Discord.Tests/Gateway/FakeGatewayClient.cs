using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>A bare WebSocket client that says exactly what a test tells it to, to check the fake's own rules.</summary>
internal sealed class FakeGatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<FakeGatewayClient> ConnectAsync(Uri gateway, string query = "?v=10&encoding=json")
    {
        var client = new FakeGatewayClient();
        await client._socket.ConnectAsync(new Uri(gateway + query), CancellationToken.None);
        return client;
    }

    public Task SendAsync(JsonNode payload) => SendRawAsync(payload.ToJsonString());

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next payload, or null when the fake closed the connection (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject();
            }
        }
    }

    /// <summary>Reads until a payload with <paramref name="op"/> (and event name) arrives; null if the connection closed first.</summary>
    public async Task<JsonObject?> ReceiveUntilAsync(int op, string? eventName = null)
    {
        while (await ReceiveAsync() is { } payload)
        {
            if (payload["op"]!.GetValue<int>() == op && (eventName is null || payload["t"]?.GetValue<string>() == eventName))
            {
                return payload;
            }
        }

        return null;
    }

    public static JsonObject Identify(string token, int intents = 0, JsonArray? shard = null)
    {
        var data = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
        };
        if (shard is not null)
        {
            data["shard"] = shard;
        }

        return new JsonObject { ["op"] = 2, ["d"] = data };
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
    }
}
