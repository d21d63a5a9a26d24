namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The right to send one Identify: holds this shard's rate-limit bucket and one unit of the daily session budget.
/// Disposing without <see cref="MarkSent"/> gives both back (the connection failed before identifying). After
/// <see cref="MarkSent"/>, dispose when Discord answers the Identify: the bucket's interval starts then.
/// </summary>
internal sealed class IdentifyPermit(Action<bool> release, TimeSpan answerTimeout, TimeProvider time) : IDisposable
{
    private volatile bool _sent;
    private ITimer? _answerTimer;
    private int _disposed;

    /// <summary>
    /// Counts the Identify as sent (call it before sending: Discord may take a half-sent one). If no answer comes
    /// within the answer timeout, the permit releases itself.
    /// </summary>
    public void MarkSent()
    {
        _sent = true;
        _answerTimer ??= time.CreateTimer(static state => ((IdentifyPermit)state!).Dispose(), this, answerTimeout, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _answerTimer?.Dispose();
            release(_sent);
        }
    }
}
