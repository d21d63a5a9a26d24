namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Exponential backoff with jitter between failed connection attempts: <c>initial × 2^(n-1)</c>, capped, then
/// scaled by a random factor in [0.5, 1) so that many shards (or bots behind one NAT) do not reconnect in lockstep.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Func<double> nextRandom)
{
    private int _failures;

    public int ConsecutiveFailures => _failures;

    public void Reset() => _failures = 0;

    public TimeSpan NextDelay()
    {
        _failures++;
        var exponent = Math.Min(_failures - 1, 30);
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (nextRandom() * 0.5))));
    }
}
