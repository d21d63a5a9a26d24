using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// Discord's rate limits as the fake applies them: a bucket per route (keyed by <c>"METHOD /template"</c>) and major
/// parameter with headers on every answer, a global per-second budget (interaction callbacks exempt), and 429s that
/// tests inject. A 429's <c>retry_after</c> is enforced: retrying early earns another 429.
/// </summary>
public sealed class FakeRateLimits
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> _configured = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly List<Injection> _injections = [];
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private readonly FakeDiscordOptions _options;
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    internal FakeRateLimits(FakeDiscordOptions options)
    {
        _options = options;
    }

    /// <summary>Sets a route's bucket, e.g. <c>SetBucket("POST /channels/{channel_id}/messages", 2, 500 ms)</c>.</summary>
    public void SetBucket(string routeKey, int limit, TimeSpan window)
    {
        lock (_lock)
        {
            _configured[routeKey] = (limit, window);
        }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with a 429 of <paramref name="scope"/>.</summary>
    public void Inject(string routeKey, FakeRateLimitScope scope, TimeSpan retryAfter, int times = 1)
    {
        lock (_lock)
        {
            _injections.Add(new Injection(routeKey, scope, retryAfter, times));
        }
    }

    /// <summary>The 429s handed out so far.</summary>
    public int RateLimitedCount { get; private set; }

    internal static string BucketHash(string routeKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)), 0, 16).ToLowerInvariant();

    /// <summary>Decides whether a request passes; returns the headers to add and, when limited, the 429 body.</summary>
    internal (Dictionary<string, string> Headers, JsonObject? RateLimited) Admit(string routeKey, string major, bool exemptFromGlobal, DateTimeOffset now)
    {
        lock (_lock)
        {
            var (limit, window) = _configured.TryGetValue(routeKey, out var configured)
                ? configured
                : (_options.DefaultBucketLimit, _options.DefaultBucketWindow);
            var hash = BucketHash(routeKey);
            var key = $"{hash}:{major}";
            if (!_buckets.TryGetValue(key, out var bucket) || now >= bucket.ResetAt)
            {
                bucket = new BucketState { ResetAt = now + window, Used = 0, BlockedUntil = bucket?.BlockedUntil ?? DateTimeOffset.MinValue };
                _buckets[key] = bucket;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            // Global first: a pending global 429 or an exhausted global second.
            if (!exemptFromGlobal)
            {
                while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _globalWindow.Dequeue();
                }

                if (now < _globalBlockedUntil)
                {
                    return (headers, Limited(headers, FakeRateLimitScope.Global, _globalBlockedUntil - now, hash, limit, now));
                }

                if (_globalWindow.Count >= _options.GlobalRequestsPerSecond)
                {
                    var wait = _globalWindow.Peek() + TimeSpan.FromSeconds(1) - now;
                    _globalBlockedUntil = now + wait;
                    return (headers, Limited(headers, FakeRateLimitScope.Global, wait, hash, limit, now));
                }
            }

            var injection = _injections.FirstOrDefault(i => i.Times > 0 && string.Equals(i.RouteKey, routeKey, StringComparison.Ordinal));
            if (injection is not null)
            {
                injection.Times--;
                if (injection.Scope == FakeRateLimitScope.Global)
                {
                    _globalBlockedUntil = now + injection.RetryAfter;
                }
                else
                {
                    bucket.BlockedUntil = now + injection.RetryAfter;
                }

                return (headers, Limited(headers, injection.Scope, injection.RetryAfter, hash, limit, now));
            }

            if (now < bucket.BlockedUntil)
            {
                return (headers, Limited(headers, FakeRateLimitScope.User, bucket.BlockedUntil - now, hash, limit, now));
            }

            if (bucket.Used >= limit)
            {
                return (headers, Limited(headers, FakeRateLimitScope.User, bucket.ResetAt - now, hash, limit, now));
            }

            bucket.Used++;
            if (!exemptFromGlobal)
            {
                _globalWindow.Enqueue(now);
            }

            AddBucketHeaders(headers, hash, limit, bucket, now);
            return (headers, null);
        }
    }

    private JsonObject Limited(Dictionary<string, string> headers, FakeRateLimitScope scope, TimeSpan retryAfter, string hash, int limit, DateTimeOffset now)
    {
        RateLimitedCount++;
        // Rounded up to the millisecond, so a client that waits exactly what it is told is never early.
        var seconds = Math.Max(0.001, Math.Ceiling(retryAfter.TotalSeconds * 1000) / 1000);
        var text = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = scope switch
        {
            FakeRateLimitScope.Global => "global",
            FakeRateLimitScope.Shared => "shared",
            _ => "user",
        };
        if (scope == FakeRateLimitScope.Global)
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            headers["X-RateLimit-Bucket"] = hash;
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = text;
            headers["X-RateLimit-Reset"] = ((now + retryAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = seconds,
            ["global"] = scope == FakeRateLimitScope.Global,
        };
    }

    private static void AddBucketHeaders(Dictionary<string, string> headers, string hash, int limit, BucketState bucket, DateTimeOffset now)
    {
        var resetAfter = Math.Max(0, Math.Ceiling((bucket.ResetAt - now).TotalSeconds * 1000) / 1000);
        headers["X-RateLimit-Bucket"] = hash;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - bucket.Used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.###", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (bucket.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
    }

    private sealed class BucketState
    {
        public DateTimeOffset ResetAt { get; set; }

        public int Used { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }

    private sealed class Injection(string routeKey, FakeRateLimitScope scope, TimeSpan retryAfter, int times)
    {
        public string RouteKey { get; } = routeKey;

        public FakeRateLimitScope Scope { get; } = scope;

        public TimeSpan RetryAfter { get; } = retryAfter;

        public int Times { get; set; } = times;
    }
}
