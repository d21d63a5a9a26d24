namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Remembers how long recent jobs took (submission to result) so the queue message can give an honest ETA.
/// Thread-safe; keeps a small window so the estimate follows Apiframe's current speed.
/// </summary>
public sealed class JobDurationTracker
{
    private const int Window = 20;

    private readonly object _gate = new();
    private readonly Queue<TimeSpan> _recent = new();
    private readonly TimeSpan _fallback;

    public JobDurationTracker(TimeSpan fallback) => _fallback = fallback;

    /// <summary>The mean of the recent durations, or the configured expectation before any job finished.</summary>
    public TimeSpan Typical
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count == 0
                    ? _fallback
                    : TimeSpan.FromTicks((long)_recent.Average(duration => duration.Ticks));
            }
        }
    }

    public void Record(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            _recent.Enqueue(duration);
            while (_recent.Count > Window)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>
    /// When the generation at 1-based <paramref name="position"/> should finish: the jobs ahead of it go through
    /// <paramref name="concurrency"/> slots at a time, then it runs itself.
    /// </summary>
    public TimeSpan EstimateWait(int position, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var roundsAhead = (position - 1) / concurrency + 1;
        return Typical * (roundsAhead + 1);
    }
}
