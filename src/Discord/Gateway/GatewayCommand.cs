using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>A payload we send: <c>{"op": …, "d": …}</c>. <c>d</c> is written even when null (a first heartbeat sends <c>"d":null</c>).</summary>
internal sealed record GatewayCommand<TData>(
    GatewayOpCode Op,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D);
