namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's send limit (120 payloads per 60 s; more disconnects). A few sends are kept
/// for heartbeats, identify and resume so that optional payloads such as presence updates can never starve them.
/// </summary>
internal sealed class GatewaySendLimiter(int limit, TimeSpan window, int reservedEssential, TimeProvider time)
{
    private readonly Queue<long> _sentAt = new();
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(bool essential, CancellationToken cancellationToken)
    {
        var allowed = essential ? limit : Math.Max(1, limit - reservedEssential);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetTimestamp();
                while (_sentAt.Count > 0 && time.GetElapsedTime(_sentAt.Peek(), now) >= window)
                {
                    _sentAt.Dequeue();
                }

                if (_sentAt.Count < allowed)
                {
                    _sentAt.Enqueue(now);
                    return;
                }

                // A slot opens when enough of the oldest sends have left the window.
                var blocking = _sentAt.ElementAt(_sentAt.Count - allowed);
                wait = window - time.GetElapsedTime(blocking, now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }
    }
}
