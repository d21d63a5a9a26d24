namespace SeedreamBot.Discord.Gateway;

/// <summary>One activity of a presence. For <see cref="GatewayActivityType.Custom"/>, <paramref name="State"/> is the text shown.</summary>
public sealed record GatewayActivity(string Name, GatewayActivityType Type, string? State = null, string? Url = null);
