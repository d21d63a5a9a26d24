using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Bot.Operations;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>/healthz's database check answers from a probe made at most every few seconds, not a durable write per request.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task Requests_within_the_cache_time_share_one_probe_and_a_later_one_probes_again()
    {
        var time = new FakeTimeProvider();
        var probes = 0;
        var writable = true;
        var check = new DatabaseHealthCheck(() =>
        {
            Interlocked.Increment(ref probes);
            return writable;
        }, time);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => check.CheckHealthAsync(new HealthCheckContext())));
        time.Advance(DatabaseHealthCheck.CacheFor - TimeSpan.FromMilliseconds(1));
        var cached = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.All(results, result => Assert.Equal(HealthStatus.Healthy, result.Status));
        Assert.Equal(HealthStatus.Healthy, cached.Status);
        Assert.Equal(1, probes);

        writable = false;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, fresh.Status);
        Assert.Equal(2, probes);
    }
}
