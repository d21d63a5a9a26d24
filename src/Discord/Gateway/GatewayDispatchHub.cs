using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Fans dispatches out to subscribers, each through its own bounded channel. Publishing never waits: a receive loop
/// that waited on a slow handler would miss heartbeats and get disconnected. A subscriber that falls a whole queue
/// behind loses the newest events (counted, metered and logged) instead.
/// </summary>
internal sealed partial class GatewayDispatchHub(int capacity, GatewayMetrics metrics, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private Subscriber[] _subscribers = [];
    private long _dropped;
    private bool _completed;

    public long DroppedEvents => Interlocked.Read(ref _dropped);

    public ChannelReader<GatewayDispatch> Subscribe(CancellationToken unsubscribe)
    {
        var channel = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        var subscriber = new Subscriber(channel);
        lock (_lock)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
                return channel.Reader;
            }

            _subscribers = [.. _subscribers, subscriber];
        }

        if (unsubscribe.CanBeCanceled)
        {
            unsubscribe.Register(() => Remove(subscriber));
        }

        return channel.Reader;
    }

    public void Publish(GatewayDispatch dispatch)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (subscriber.Channel.Writer.TryWrite(dispatch))
            {
                WarnIfFallingBehind(subscriber);
                continue;
            }

            if (subscriber.Channel.Reader.Completion.IsCompleted)
            {
                continue;
            }

            Interlocked.Increment(ref _dropped);
            var droppedHere = Interlocked.Increment(ref subscriber.Dropped);
            metrics.EventDropped(dispatch.ShardId, dispatch.EventName);
            var now = time.GetUtcNow();
            if (now - subscriber.LastDropWarningAt >= WarningInterval)
            {
                subscriber.LastDropWarningAt = now;
                LogDropped(dispatch.EventName, dispatch.ShardId, capacity, droppedHere);
            }
        }
    }

    /// <summary>Ends every subscription (the gateway was disposed): readers drain what is queued, then complete.</summary>
    public void Complete()
    {
        Subscriber[] subscribers;
        lock (_lock)
        {
            _completed = true;
            subscribers = _subscribers;
            _subscribers = [];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Channel.Writer.TryComplete();
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }

        subscriber.Channel.Writer.TryComplete();
    }

    private void WarnIfFallingBehind(Subscriber subscriber)
    {
        var backlog = subscriber.Channel.Reader.Count;
        if (!subscriber.BehindWarned && backlog >= capacity * 3 / 4)
        {
            subscriber.BehindWarned = true;
            LogFallingBehind(backlog, capacity);
        }
        else if (subscriber.BehindWarned && backlog <= capacity / 4)
        {
            subscriber.BehindWarned = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "A gateway event subscriber has {Backlog} of {Capacity} events waiting: its handler is slower than the " +
        "events arrive. Interactions that wait too long expire (Discord allows 3 s to answer).")]
    private partial void LogFallingBehind(int backlog, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Dropped gateway event {EventName} from shard {ShardId}: a subscriber's queue is full ({Capacity} events; " +
        "{Dropped} dropped for it so far). Its handler is stuck or far too slow; raise Discord:EventQueueCapacity " +
        "only if bursts are expected.")]
    private partial void LogDropped(string eventName, int shardId, int capacity, long dropped);

    private sealed class Subscriber(Channel<GatewayDispatch> channel)
    {
        public Channel<GatewayDispatch> Channel { get; } = channel;

        // A field, because Interlocked needs one.
        public long Dropped;

        public DateTimeOffset LastDropWarningAt { get; set; } = DateTimeOffset.MinValue;

        public bool BehindWarned { get; set; }
    }
}
