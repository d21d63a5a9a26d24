namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Keeps the bot under Discord's global budget (50 requests in any second) with a sliding window, and holds every
/// request back after a global 429 until Discord's <c>retry_after</c> has passed.
/// </summary>
internal sealed class GlobalRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public GlobalRateLimiter(TimeProvider time, int perSecond)
    {
        _time = time;
        _perSecond = perSecond;
    }

    public async Task WaitAsync(Action<TimeSpan, RateLimitScope> onWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            RateLimitScope scope;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                if (now < _pausedUntil)
                {
                    wait = _pausedUntil - now;
                    scope = RateLimitScope.Global;
                }
                else
                {
                    while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                    {
                        _sent.Dequeue();
                    }

                    if (_sent.Count < _perSecond)
                    {
                        _sent.Enqueue(now);
                        return;
                    }

                    wait = _sent.Peek() + Window - now;
                    scope = RateLimitScope.Global;
                }
            }

            if (wait < TimeSpan.FromMilliseconds(1))
            {
                wait = TimeSpan.FromMilliseconds(1);
            }

            onWait(wait, scope);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
