using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Healthy when a small durable write to the LiteDB file succeeds (disk full, read-only volume, lost file). The
/// answer is kept for <see cref="CacheFor"/>: a monitor polling <c>/healthz</c> every second must not cost a durable
/// write (and an fsync) each time, nor can a flood of requests queue up writes in front of members' credits.
/// </summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    public const string Name = "database";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Func<bool> _probe;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Probe? _last;

    public DatabaseHealthCheck(SeedreamDatabase database, TimeProvider time)
        : this(database.IsWritable, time)
    {
    }

    /// <summary>With the probe given, for tests that count probes.</summary>
    internal DatabaseHealthCheck(Func<bool> probe, TimeProvider time)
    {
        _probe = probe;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var writable = await IsWritableAsync(cancellationToken).ConfigureAwait(false);
        return writable
            ? HealthCheckResult.Healthy("The database accepts writes.")
            : HealthCheckResult.Unhealthy(
                "The database does not accept writes (disk full, read-only volume or a removed file?); credits cannot be charged. See the log for the error.");
    }

    private async Task<bool> IsWritableAsync(CancellationToken cancellationToken)
    {
        if (_last is { } fresh && _time.GetElapsedTime(fresh.At) < CacheFor)
        {
            return fresh.Writable;
        }

        // Concurrent requests share one probe.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } cached && _time.GetElapsedTime(cached.At) < CacheFor)
            {
                return cached.Writable;
            }

            // The probe write waits for the file to be flushed; keep that off the listener's request thread.
            var writable = await Task.Run(_probe, cancellationToken).ConfigureAwait(false);
            _last = new Probe(writable, _time.GetTimestamp());
            return writable;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Probe(bool Writable, long At);
}
