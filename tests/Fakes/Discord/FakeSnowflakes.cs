namespace SeedreamBot.Fakes.Discord;

/// <summary>Discord-shaped ids: milliseconds since 2015 in the top bits, a counter below, always increasing.</summary>
internal sealed class FakeSnowflakes
{
    private const long DiscordEpochMs = 1420070400000;
    private readonly TimeProvider _time;
    private long _counter;

    public FakeSnowflakes(TimeProvider time)
    {
        _time = time;
    }

    public ulong Next()
    {
        var ms = Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        var sequence = (ulong)(Interlocked.Increment(ref _counter) & 0x3FFFFF);
        return ((ulong)ms << 22) | sequence;
    }
}
