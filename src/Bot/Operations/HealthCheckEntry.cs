namespace SeedreamBot.Bot.Operations;

/// <summary>One check in the <c>/healthz</c> body.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="Description">What the check saw, in words an operator can act on.</param>
/// <param name="DurationMs">How long the check took.</param>
/// <param name="Data">The numbers behind it (shards connected, last heartbeat, last Apiframe answer…).</param>
public sealed record HealthCheckEntry(string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, object>? Data);
