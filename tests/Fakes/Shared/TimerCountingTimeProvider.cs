using Microsoft.Extensions.Time.Testing;

namespace SeedreamBot.Fakes.Shared;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until a background loop is really waiting
/// before it advances time (an advance before the timer exists would be lost).
/// </summary>
public sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _dueTimes = [];

    public int TimersCreated
    {
        get
        {
            lock (_dueTimes)
            {
                return _dueTimes.Count;
            }
        }
    }

    /// <summary>The due time each timer was created with, in creation order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        return timer;
    }
}
