using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SeedreamBot.Bot.Operations;

/// <summary>Runs the health checks and shapes the answer of <c>/healthz</c>: 200 unless a check is unhealthy.</summary>
public sealed class HealthReporter
{
    private readonly HealthCheckService _checks;
    private readonly TimeProvider _time;

    public HealthReporter(HealthCheckService checks, TimeProvider time)
    {
        _checks = checks;
        _time = time;
    }

    public async Task<(int StatusCode, HealthResponse Body)> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await _checks.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new HealthCheckEntry(
                Word(entry.Value.Status),
                entry.Value.Description ?? entry.Value.Exception?.Message,
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                entry.Value.Data.Count == 0 ? null : entry.Value.Data),
            StringComparer.Ordinal);
        var body = new HealthResponse(Word(report.Status), ProductVersion.Version, ProductVersion.Commit, _time.GetUtcNow(), checks);
        return (report.Status == HealthStatus.Unhealthy ? 503 : 200, body);
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
