using System.Text.Json;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// One dispatch (op 0) received from the gateway. <see cref="Data"/> is an owned copy, safe to keep after the
/// receive loop has moved on; typed readers (e.g. for INTERACTION_CREATE) deserialize it with the model contexts.
/// </summary>
/// <param name="ShardId">The shard whose connection received it.</param>
/// <param name="EventName">The <c>t</c> field, e.g. <c>INTERACTION_CREATE</c>.</param>
/// <param name="Sequence">The <c>s</c> field.</param>
/// <param name="Data">The <c>d</c> field.</param>
/// <param name="ReceivedAt">When the receive loop read it, for latency measurements.</param>
public sealed record GatewayDispatch(int ShardId, string EventName, int Sequence, JsonElement Data, DateTimeOffset ReceivedAt);
