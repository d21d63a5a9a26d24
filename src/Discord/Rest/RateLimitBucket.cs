namespace SeedreamBot.Discord.Rest;

/// <summary>
/// One Discord bucket for one major parameter. Requests in a bucket go one at a time (which also keeps edits of
/// one message in order); when <c>remaining</c> hits 0 the next request waits for the reset.
/// </summary>
internal sealed class RateLimitBucket
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    public DateTimeOffset LastUsed { get; private set; }

    public bool IsIdle => _gate.CurrentCount == 1;

    /// <summary>Enters the bucket, waiting out an exhausted window first.</summary>
    public async Task EnterAsync(TimeProvider time, Action<TimeSpan> onWait, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    LastUsed = now;
                    if (now >= _resetAt)
                    {
                        if (_remaining == 0)
                        {
                            _remaining = null;
                        }

                        wait = TimeSpan.Zero;
                    }
                    else
                    {
                        wait = _remaining == 0 ? _resetAt - now : TimeSpan.Zero;
                    }

                    if (wait <= TimeSpan.Zero)
                    {
                        if (_remaining > 0)
                        {
                            _remaining--;
                        }

                        return;
                    }
                }

                onWait(wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Exit() => _gate.Release();

    /// <summary>Applies <c>X-RateLimit-Remaining</c> and <c>-Reset-After</c>.</summary>
    public void Update(int remaining, DateTimeOffset resetAt)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    /// <summary>After a 429: nothing more until <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            _remaining = 0;
            if (until > _resetAt)
            {
                _resetAt = until;
            }
        }
    }
}
