using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.TestHost;

/// <summary>A hand-written <see cref="IFakeGateway"/> double: records dispatches instead of sending them on a socket.</summary>
internal sealed class RecordingGateway : IFakeGateway
{
    private readonly List<(string EventName, JsonNode Data, ulong? GuildId)> _dispatched = [];

    public IReadOnlyList<(string EventName, JsonNode Data, ulong? GuildId)> Dispatched
    {
        get
        {
            lock (_dispatched)
            {
                return _dispatched.ToArray();
            }
        }
    }

    public async Task AcceptAsync(WebSocket socket, string queryString, CancellationToken cancellationToken) =>
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test double", cancellationToken);

    public Task DispatchAsync(string eventName, JsonNode data, ulong? guildId, CancellationToken cancellationToken)
    {
        lock (_dispatched)
        {
            _dispatched.Add((eventName, data, guildId));
        }

        return Task.CompletedTask;
    }

    public JsonObject DescribeForGatewayBot() => new()
    {
        ["shards"] = 2,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = 997,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = 1,
        },
    };
}
