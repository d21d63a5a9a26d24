namespace SeedreamBot.Bot.Operations;

/// <summary>The body of <c>/healthz</c>.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> (still 200) or <c>unhealthy</c> (503).</param>
/// <param name="Version">The running build's product version (see <see cref="ProductVersion"/>).</param>
/// <param name="Commit">The git commit it was built from; null for a build outside a git checkout.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Checks">Each check by name.</param>
public sealed record HealthResponse(string Status, string Version, string? Commit, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, HealthCheckEntry> Checks);
