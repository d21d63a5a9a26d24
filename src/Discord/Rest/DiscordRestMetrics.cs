using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// The REST client's instruments on the <c>SeedreamBot.Discord</c> meter (export it by that name): requests by
/// route template and status, durations, rate-limit waits and 429s, invalid requests.
/// </summary>
public sealed class DiscordRestMetrics : IDisposable
{
    public const string MeterName = "SeedreamBot.Discord";

    private readonly bool _ownsMeter;

    public DiscordRestMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _ownsMeter = meterFactory is null;
        Requests = Meter.CreateCounter<long>("discord.rest.requests", "{request}", "REST requests by method, route template and status code.");
        RequestDuration = Meter.CreateHistogram<double>("discord.rest.request.duration", "s", "Time from sending a REST request to its response.");
        RateLimitWaits = Meter.CreateCounter<long>("discord.rest.rate_limit.waits", "{wait}", "Times a request waited for a rate limit, by route and scope.");
        RateLimitWaitDuration = Meter.CreateHistogram<double>("discord.rest.rate_limit.wait.duration", "s", "How long requests waited for rate limits.");
        RateLimited = Meter.CreateCounter<long>("discord.rest.rate_limited", "{response}", "429 responses, by route and scope.");
        InvalidRequests = Meter.CreateCounter<long>("discord.rest.invalid_requests", "{response}", "401, 403 and 429 responses (Cloudflare bans at 10,000 in 10 minutes).");
    }

    internal Meter Meter { get; }

    internal Counter<long> Requests { get; }

    internal Histogram<double> RequestDuration { get; }

    internal Counter<long> RateLimitWaits { get; }

    internal Histogram<double> RateLimitWaitDuration { get; }

    internal Counter<long> RateLimited { get; }

    internal Counter<long> InvalidRequests { get; }

    internal void RecordWait(string route, RateLimitScope scope, TimeSpan wait)
    {
        var tags = new TagList { { "route", route }, { "scope", ScopeName(scope) } };
        RateLimitWaits.Add(1, tags);
        RateLimitWaitDuration.Record(wait.TotalSeconds, tags);
    }

    internal static string ScopeName(RateLimitScope scope) => scope switch
    {
        RateLimitScope.Global => "global",
        RateLimitScope.Shared => "shared",
        RateLimitScope.Bucket => "bucket",
        _ => "user",
    };

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
