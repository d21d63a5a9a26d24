using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Shared rate-limit state of every REST call (a singleton; the typed client itself is transient): buckets learned
/// from <c>X-RateLimit-Bucket</c> per route template and split by major parameter, the global budget, and the
/// latch that stops bot-token requests after Discord rejected the token.
/// </summary>
internal sealed class DiscordRateLimiter
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly DiscordRestMetrics _metrics;
    private readonly ILogger<DiscordRateLimiter> _logger;
    private readonly GlobalRateLimiter _global;
    private DateTimeOffset _lastPrune;
    private volatile bool _tokenRejected;
    private int _tokenRejectedOnce;

    private readonly DiscordTokenRejection? _tokenRejection;

    public DiscordRateLimiter(
        TimeProvider time,
        DiscordRestMetrics metrics,
        IOptions<DiscordOptions> options,
        ILogger<DiscordRateLimiter> logger,
        DiscordTokenRejection? tokenRejection = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokenRejection = tokenRejection;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _global = new GlobalRateLimiter(time, options.Value.GlobalRequestsPerSecond);
        _lastPrune = time.GetUtcNow();
    }

    /// <summary>True after a 401 on a bot-token route: Discord says to stop using the token.</summary>
    public bool TokenRejected => _tokenRejected;

    /// <summary>Latches the rejection after a 401 on <paramref name="method"/> <paramref name="route"/>, and reports it.</summary>
    /// <param name="method">The HTTP method of the refused call.</param>
    /// <param name="route">Its route template.</param>
    /// <returns>True the first time, so the rejection is reported once however many calls were in flight.</returns>
    public bool RejectToken(string method, string route)
    {
        if (Interlocked.Exchange(ref _tokenRejectedOnce, 1) == 1)
        {
            return false;
        }

        _tokenRejected = true;
        _tokenRejection?.Reject($"401 on {method} {route}");
        return true;
    }

    /// <summary>Waits for the route's bucket and the global budget; the caller must <see cref="Release"/> once the request is over.</summary>
    public async Task<RateLimitBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        PruneIfDue();
        var bucket = BucketFor(route);
        await bucket.EnterAsync(_time, wait => OnWait(route, RateLimitScope.Bucket, wait), cancellationToken).ConfigureAwait(false);
        if (!route.ExemptFromGlobalLimit)
        {
            try
            {
                await _global.WaitAsync((wait, scope) => OnWait(route, scope, wait), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                bucket.Exit();
                throw;
            }
        }

        return bucket;
    }

    /// <summary>The request acquired with <see cref="AcquireAsync"/> is over (answered, failed or cancelled).</summary>
    public void Release(DiscordRoute route, RateLimitBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(bucket);
        bucket.Exit();
        if (!route.ExemptFromGlobalLimit)
        {
            _global.Complete();
        }
    }

    /// <summary>Learns the bucket and its remaining budget from a response's headers.</summary>
    public void Observe(DiscordRoute route, RateLimitBucket used, HttpResponseHeaders headers)
    {
        var hash = Header(headers, "X-RateLimit-Bucket");
        var target = used;
        if (hash is not null)
        {
            _bucketHashByRoute[route.BucketRouteKey] = hash;
            target = _buckets.GetOrAdd($"{hash}:{route.MajorParameter}", _ => new RateLimitBucket());
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            // Reset-After is relative, so our clock and Discord's need not agree.
            var resetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
            target.Update(remaining, resetAt);
            if (!ReferenceEquals(target, used))
            {
                used.Update(remaining, resetAt);
            }
        }
    }

    /// <summary>Applies a 429: the bucket (and for global 429s every route) waits <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(DiscordRoute route, RateLimitBucket used, RateLimitScope scope, TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        used.BlockUntil(until);
        if (_bucketHashByRoute.TryGetValue(route.BucketRouteKey, out var hash)
            && _buckets.TryGetValue($"{hash}:{route.MajorParameter}", out var learned)
            && !ReferenceEquals(learned, used))
        {
            learned.BlockUntil(until);
        }

        if (scope == RateLimitScope.Global)
        {
            _global.PauseUntil(until);
        }
    }

    private RateLimitBucket BucketFor(DiscordRoute route)
    {
        // Until Discord has told us the route's bucket hash, the route itself stands in for it.
        var hash = _bucketHashByRoute.TryGetValue(route.BucketRouteKey, out var known) ? known : route.BucketRouteKey;
        return _buckets.GetOrAdd($"{hash}:{route.MajorParameter}", _ => new RateLimitBucket());
    }

    private void OnWait(DiscordRoute route, RateLimitScope scope, TimeSpan wait)
    {
        _metrics.RecordWait(route.Template, scope, wait);
        DiscordRestLog.RateLimitWait(_logger, (long)wait.TotalMilliseconds, DiscordRestMetrics.ScopeName(scope), route.Method.Method, route.Template);
    }

    // Interaction tokens create a bucket each; drop the idle ones so a long-running bot does not grow forever.
    private void PruneIfDue()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }

        _lastPrune = now;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle && now - bucket.LastUsed > IdleBucketLifetime)
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
