namespace SeedreamBot.Harness;

/// <summary>
/// The wall clock of a whole test deployment (the bot, the fake Discord, the fake Apiframe), which a test can move
/// forward at once: "a week later" is <c>clock.Advance(TimeSpan.FromDays(7))</c>, deterministic and instant. Only the
/// wall clock jumps; timers and elapsed-time stamps stay real, so the gateway keeps its heartbeat and jobs keep
/// polling. (A <c>FakeTimeProvider</c> would stop every timer of a running bot; the Core tests use one.)
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock has been moved so far.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the wall clock forward; do it while the bot is idle, as real time passing would find it.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
