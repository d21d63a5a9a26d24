using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Operations;

/// <summary>Healthy when a small durable write to the LiteDB file succeeds (disk full, read-only volume, lost file).</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    public const string Name = "database";

    private readonly SeedreamDatabase _database;

    public DatabaseHealthCheck(SeedreamDatabase database) => _database = database;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The probe write waits for the file to be flushed; keep that off the listener's request thread.
        var writable = await Task.Run(_database.IsWritable, cancellationToken).ConfigureAwait(false);
        return writable
            ? HealthCheckResult.Healthy("The database accepts writes.")
            : HealthCheckResult.Unhealthy(
                "The database does not accept writes (disk full, read-only volume or a removed file?); credits cannot be charged. See the log for the error.");
    }
}
