namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Where verified webhook events meet the pollers: an event for a job being polled wakes its poller, which treats it
/// exactly like a poll result. An event that comes before the poller (a fast job, or a restart) is kept for
/// <see cref="KeepFor"/> and handed to the poller when it starts; one for a job that already ended here is late and
/// ignored, so duplicates and stragglers (a progress event after <c>completed</c>) change nothing. Bounded: at most
/// <see cref="MaxKept"/> jobs are remembered either way. Thread-safe; one per process.
/// </summary>
public sealed class ApiframeJobUpdates
{
    /// <summary>How long an unclaimed event, or the end of a job, is remembered.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public const int MaxKept = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JobUpdateSubscription>> _pollers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Remembered> _kept = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Remembered> _ended = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public ApiframeJobUpdates(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Jobs with an event waiting for their poller (for diagnostics and tests).</summary>
    public int KeptCount
    {
        get
        {
            lock (_gate)
            {
                return _kept.Count;
            }
        }
    }

    internal JobUpdateSubscription Subscribe(string jobId)
    {
        var subscription = new JobUpdateSubscription(jobId, _time, Unsubscribe);
        lock (_gate)
        {
            if (!_pollers.TryGetValue(jobId, out var list))
            {
                _pollers[jobId] = list = [];
            }

            list.Add(subscription);

            // A poller starting again (after a restart) wants every state it has not seen.
            _ended.Remove(jobId);
            if (_kept.Remove(jobId, out var kept))
            {
                subscription.Offer(kept.Update!);
            }
        }

        return subscription;
    }

    /// <summary>The poller saw the job end: later events for it are late.</summary>
    internal void Ended(string jobId)
    {
        lock (_gate)
        {
            Prune(_ended);
            _ended[jobId] = new Remembered(null, _time.GetTimestamp());
            _kept.Remove(jobId);
        }
    }

    internal JobUpdatePublish Publish(JobBody update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var jobId = update.Id!;
        lock (_gate)
        {
            if (_pollers.TryGetValue(jobId, out var pollers) && pollers.Count > 0)
            {
                foreach (var poller in pollers)
                {
                    poller.Offer(update);
                }

                return JobUpdatePublish.Delivered;
            }

            if (_ended.ContainsKey(jobId))
            {
                return JobUpdatePublish.Late;
            }

            Prune(_kept);
            _kept[jobId] = _kept.TryGetValue(jobId, out var earlier) && !Supersedes(update, earlier.Update!)
                ? earlier
                : new Remembered(update, _time.GetTimestamp());
            return JobUpdatePublish.Kept;
        }
    }

    /// <summary>Whether <paramref name="update"/> says more than <paramref name="earlier"/>: an end beats progress, more progress beats less.</summary>
    private static bool Supersedes(JobBody update, JobBody earlier)
    {
        var updateEnds = JobStatuses.TryParse(update.Status, out var status) && status.IsTerminal();
        var earlierEnds = JobStatuses.TryParse(earlier.Status, out var earlierStatus) && earlierStatus.IsTerminal();
        if (updateEnds != earlierEnds)
        {
            return updateEnds;
        }

        return earlierEnds || (update.Progress ?? 0) >= (earlier.Progress ?? 0);
    }

    private void Unsubscribe(JobUpdateSubscription subscription)
    {
        lock (_gate)
        {
            if (_pollers.TryGetValue(subscription.JobId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _pollers.Remove(subscription.JobId);
            }
        }
    }

    // Called under the lock before adding: drops what is older than KeepFor, then the oldest beyond the cap.
    private void Prune(Dictionary<string, Remembered> entries)
    {
        if (entries.Count < MaxKept / 2)
        {
            return;
        }

        var now = _time.GetTimestamp();
        foreach (var (jobId, entry) in entries.ToList())
        {
            if (_time.GetElapsedTime(entry.At, now) > KeepFor)
            {
                entries.Remove(jobId);
            }
        }

        if (entries.Count >= MaxKept)
        {
            foreach (var (jobId, _) in entries.OrderBy(entry => entry.Value.At).Take(entries.Count - MaxKept + 1).ToList())
            {
                entries.Remove(jobId);
            }
        }
    }

    /// <summary>An unclaimed update, or (without one) the end of a job, and when it was noted.</summary>
    private readonly record struct Remembered(JobBody? Update, long At);
}
