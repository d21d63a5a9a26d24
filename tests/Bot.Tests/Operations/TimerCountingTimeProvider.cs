using Microsoft.Extensions.Time.Testing;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until a background loop is really waiting
/// before it advances time (an advance before the timer exists would be lost).
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
