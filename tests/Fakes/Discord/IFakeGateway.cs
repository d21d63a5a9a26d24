using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// The WebSocket half of the fake Discord. <c>FakeDiscordServer</c> mounts it at <c>/gateway</c>, asks it for the
/// gateway part of <c>GET /gateway/bot</c>, and hands it every event it dispatches (e.g. INTERACTION_CREATE).
/// </summary>
public interface IFakeGateway
{
    /// <summary>Serves one accepted gateway connection until it closes. <paramref name="queryString"/> includes the leading '?'.</summary>
    Task AcceptAsync(WebSocket socket, string queryString, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a dispatch (op 0) to the session that owns <paramref name="guildId"/>'s shard (shard 0 for DMs and
    /// null), and keeps it for replay if that session resumes after missing it.
    /// </summary>
    Task DispatchAsync(string eventName, JsonNode data, ulong? guildId, CancellationToken cancellationToken);

    /// <summary>The <c>shards</c> and <c>session_start_limit</c> members of <c>GET /gateway/bot</c>.</summary>
    JsonObject DescribeForGatewayBot();
}
