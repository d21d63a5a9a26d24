namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The heartbeat of one connection, on its own loop so that nothing the receive loop does can delay it. The first
/// beat waits <c>interval × jitter</c>; a scheduled beat that finds no ACK since the previous scheduled beat means
/// the connection is a zombie.
/// </summary>
internal sealed class GatewayHeartbeat(
    TimeSpan interval,
    Func<double> nextRandom,
    TimeProvider time,
    Func<CancellationToken, Task> sendHeartbeat)
{
    private readonly Lock _lock = new();
    private bool _scheduledBeatSent;
    private int _acksSinceScheduledBeat;
    private long? _lastBeatSentAt;
    private DateTimeOffset? _lastAckAt;
    private TimeSpan? _latency;

    public TimeSpan Interval => interval;

    public TimeSpan? Latency
    {
        get
        {
            lock (_lock)
            {
                return _latency;
            }
        }
    }

    public DateTimeOffset? LastAckAt
    {
        get
        {
            lock (_lock)
            {
                return _lastAckAt;
            }
        }
    }

    /// <summary>Beats until cancelled; returns normally only when the connection turned out to be a zombie.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(interval * nextRandom(), time, cancellationToken);
        while (true)
        {
            lock (_lock)
            {
                if (_scheduledBeatSent && _acksSinceScheduledBeat == 0)
                {
                    return;
                }

                _scheduledBeatSent = true;
                _acksSinceScheduledBeat = 0;
            }

            await BeatAsync(cancellationToken);
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    /// <summary>Op 1 from the server asks for a beat right away; it does not move the schedule.</summary>
    public Task BeatNowAsync(CancellationToken cancellationToken) => BeatAsync(cancellationToken);

    /// <summary>Records an ACK and returns the round trip of the latest beat.</summary>
    public TimeSpan Acknowledge()
    {
        lock (_lock)
        {
            _acksSinceScheduledBeat++;
            _lastAckAt = time.GetUtcNow();
            _latency = _lastBeatSentAt is { } sentAt ? time.GetElapsedTime(sentAt) : TimeSpan.Zero;
            return _latency.Value;
        }
    }

    private Task BeatAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _lastBeatSentAt = time.GetTimestamp();
        }

        return sendHeartbeat(cancellationToken);
    }
}
