namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The right to send one Identify: holds this shard's rate-limit bucket and one unit of the daily session budget.
/// Disposing without <see cref="MarkSent"/> gives both back (the connection failed before identifying).
/// </summary>
internal sealed class IdentifyPermit(Action<bool> release) : IDisposable
{
    private bool _sent;
    private int _disposed;

    public void MarkSent() => _sent = true;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            release(_sent);
        }
    }
}
