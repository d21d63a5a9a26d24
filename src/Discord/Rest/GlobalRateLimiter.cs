namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Keeps the bot under Discord's global budget (50 requests in any second, counted where they arrive) and holds every
/// request back after a global 429 until Discord's <c>retry_after</c> has passed.
/// </summary>
/// <remarks>
/// A request holds its slot from the moment it is let through until one second after its response came back. Discord
/// counts a request when it arrives, which is somewhere in between, so however long a busy machine or network delays
/// requests on their way, no one-second window on Discord's side can see more than the budget. Counting only the
/// moment a request is let through (a plain sliding window) lets delayed requests arrive bunched together and earn
/// global 429s, each of which also counts toward Discord's invalid-request limit.
/// </remarks>
internal sealed class GlobalRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // Completion times of finished requests still inside their last second, oldest first.
    private readonly Queue<DateTimeOffset> _finished = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private int _inFlight;
    private TaskCompletionSource _completion = NewSignal();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public GlobalRateLimiter(TimeProvider time, int perSecond)
    {
        _time = time;
        _perSecond = perSecond;
    }

    /// <summary>Requests let through whose responses have not come back yet.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits for a slot; the caller must call <see cref="Complete"/> once the request is over, however it ended.</summary>
    public async Task WaitAsync(Action<TimeSpan, RateLimitScope> onWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            Task completion;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                while (_finished.Count > 0 && now - _finished.Peek() >= Window)
                {
                    _finished.Dequeue();
                }

                completion = _completion.Task;
                if (now < _pausedUntil)
                {
                    wait = _pausedUntil - now;
                }
                else if (_inFlight + _finished.Count < _perSecond)
                {
                    _inFlight++;
                    return;
                }
                else
                {
                    // Every slot is taken: the oldest finished one frees first; with none finished yet, the next
                    // completion tells us when.
                    wait = _finished.Count > 0 ? _finished.Peek() + Window - now : Timeout.InfiniteTimeSpan;
                }
            }

            if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.FromMilliseconds(1))
            {
                wait = TimeSpan.FromMilliseconds(1);
            }

            onWait(wait == Timeout.InfiniteTimeSpan ? Window : wait, RateLimitScope.Global);
            if (wait == Timeout.InfiniteTimeSpan)
            {
                await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A request let through by <see cref="WaitAsync"/> is over: its slot frees one second from now.</summary>
    public void Complete()
    {
        TaskCompletionSource completed;
        lock (_lock)
        {
            if (_inFlight == 0)
            {
                throw new InvalidOperationException("Complete was called more often than WaitAsync let requests through.");
            }

            _inFlight--;
            _finished.Enqueue(_time.GetUtcNow());
            completed = _completion;
            _completion = NewSignal();
        }

        completed.TrySetResult();
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
