using Microsoft.Extensions.Logging;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Guards Discord's identify limits for every shard of this process: <c>max_concurrency</c> buckets
/// (<c>shard_id % max_concurrency</c>) may each identify once per 5 s, and no identify is sent while
/// <c>session_start_limit.remaining</c> is 0 (hitting the daily limit makes Discord reset the bot token). The 5 s
/// count from Discord's answer to the bucket's previous Identify: Discord counts an Identify when it arrives, and
/// our own send time says nothing about that (an earlier Identify slowed on the way would land too close).
/// It also caches <c>GET /gateway/bot</c>, fetching it again when it may be stale.
/// </summary>
internal sealed partial class GatewayIdentifyLimiter(
    IGatewayInfoSource source,
    GatewayTimings timings,
    TimeProvider time,
    ILogger logger)
{
    private readonly SemaphoreSlim _infoLock = new(1, 1);
    private readonly Dictionary<int, Bucket> _buckets = [];
    private readonly Lock _bucketsLock = new();
    private GatewayInfo? _info;
    private long _fetchedAt;
    private int _remaining;

    /// <summary>The cached gateway URL, or null before the first fetch.</summary>
    public string? GatewayUrl => Volatile.Read(ref _info)?.Url;

    /// <summary>The session starts this process believes are left (Discord's count minus identifies since the fetch).</summary>
    public int RemainingSessionStarts => Volatile.Read(ref _remaining);

    public async Task<GatewayInfo> GetInfoAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _infoLock.WaitAsync(cancellationToken);
        try
        {
            return await GetInfoLockedAsync(refresh, cancellationToken);
        }
        finally
        {
            _infoLock.Release();
        }
    }

    /// <summary>
    /// Waits until <paramref name="shardId"/> may identify. <paramref name="waitingForBudget"/> is called before a
    /// wait for the daily budget to reset, so the shard can show it in its status.
    /// </summary>
    public async Task<IdentifyPermit> AcquireAsync(int shardId, Action waitingForBudget, CancellationToken cancellationToken)
    {
        var maxConcurrency = await ReserveSessionStartAsync(shardId, waitingForBudget, cancellationToken);
        var bucket = GetBucket(shardId % maxConcurrency);
        try
        {
            await bucket.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref _remaining);
            throw;
        }

        try
        {
            // A loop, because a timer may fire a little early and Discord's window has no slack for that.
            while (bucket.WaitBeforeNextIdentify(timings.IdentifyInterval, time) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(RoundUpToMillisecond(wait), time, cancellationToken);
            }
        }
        catch
        {
            bucket.Gate.Release();
            Interlocked.Increment(ref _remaining);
            throw;
        }

        return new IdentifyPermit(
            sent =>
            {
                if (sent)
                {
                    bucket.LastIdentifyAnsweredAt = time.GetTimestamp();
                }
                else
                {
                    Interlocked.Increment(ref _remaining);
                }

                bucket.Gate.Release();
            },
            timings.IdentifyAnswerTimeout,
            time);
    }

    private static TimeSpan RoundUpToMillisecond(TimeSpan wait) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    private async Task<int> ReserveSessionStartAsync(int shardId, Action waitingForBudget, CancellationToken cancellationToken)
    {
        var refresh = false;
        while (true)
        {
            TimeSpan wait;
            int total;
            await _infoLock.WaitAsync(cancellationToken);
            try
            {
                var info = await GetInfoLockedAsync(refresh, cancellationToken);
                if (Volatile.Read(ref _remaining) > 0)
                {
                    Interlocked.Decrement(ref _remaining);
                    return Math.Max(1, info.SessionStartLimit.MaxConcurrency);
                }

                // reset_after counts from the moment Discord answered.
                wait = info.SessionStartLimit.ResetAfter - time.GetElapsedTime(_fetchedAt);
                total = info.SessionStartLimit.Total;
            }
            finally
            {
                _infoLock.Release();
            }

            // Never poll GET /gateway/bot in a tight loop, even if Discord says the reset is due.
            wait = wait < timings.IdentifyInterval ? timings.IdentifyInterval : wait;
            LogBudgetExhausted(shardId, total, TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)));
            waitingForBudget();
            await Task.Delay(wait, time, cancellationToken);
            refresh = true;
        }
    }

    private async Task<GatewayInfo> GetInfoLockedAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _info is not null && time.GetElapsedTime(_fetchedAt) < timings.GatewayInfoMaxAge)
        {
            return _info;
        }

        var info = await source.GetGatewayInfoAsync(cancellationToken);
        _fetchedAt = time.GetTimestamp();
        Volatile.Write(ref _info, info);
        Interlocked.Exchange(ref _remaining, info.SessionStartLimit.Remaining);
        var limit = info.SessionStartLimit;
        if (limit.Remaining > 0 && limit.Remaining * 10 <= limit.Total)
        {
            LogBudgetLow(limit.Remaining, limit.Total, limit.ResetAfter);
        }

        return info;
    }

    private Bucket GetBucket(int key)
    {
        lock (_bucketsLock)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Bucket();
                _buckets[key] = bucket;
            }

            return bucket;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Discord's daily session-start budget is used up (0 of {Total} identifies left). Shard {ShardId} waits " +
        "{Wait} for it to reset before starting a new session; connected shards keep running. Many new sessions " +
        "usually mean a crash or restart loop: Discord resets the bot token when the limit is exceeded.")]
    private partial void LogBudgetExhausted(int shardId, int total, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Only {Remaining} of Discord's {Total} daily session starts are left (resets in {ResetAfter}). Frequent " +
        "restarts or new sessions are using them up.")]
    private partial void LogBudgetLow(int remaining, int total, TimeSpan resetAfter);

    /// <summary>One rate-limit bucket: one identify at a time, spaced by the identify interval.</summary>
    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>
        /// When Discord answered (or the answer timed out) the bucket's last Identify, as a monotonic timestamp so
        /// that a wall-clock jump can neither hold the bucket for hours nor open it early. Null before the first.
        /// </summary>
        public long? LastIdentifyAnsweredAt { get; set; }

        public TimeSpan WaitBeforeNextIdentify(TimeSpan interval, TimeProvider time) =>
            LastIdentifyAnsweredAt is { } answeredAt ? interval - time.GetElapsedTime(answeredAt) : TimeSpan.Zero;
    }
}
