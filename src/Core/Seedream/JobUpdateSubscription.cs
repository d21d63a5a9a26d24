using System.Threading.Channels;

namespace SeedreamBot.Core.Seedream;

/// <summary>A poller's line to the webhook updates of one job; disposing it ends the subscription.</summary>
internal sealed class JobUpdateSubscription : IDisposable
{
    private readonly Channel<JobBody> _updates = Channel.CreateUnbounded<JobBody>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<JobUpdateSubscription> _unsubscribe;
    private readonly TimeProvider _time;

    public JobUpdateSubscription(string jobId, TimeProvider time, Action<JobUpdateSubscription> unsubscribe)
    {
        JobId = jobId;
        _time = time;
        _unsubscribe = unsubscribe;
    }

    public string JobId { get; }

    public void Offer(JobBody update) => _updates.Writer.TryWrite(update);

    /// <summary>The next pushed update, or null when <paramref name="timeout"/> passes first (time to poll).</summary>
    public async ValueTask<JobBody?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_updates.Reader.TryRead(out var ready))
        {
            return ready;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return null;
        }

        using var expiry = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            await _updates.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return _updates.Reader.TryRead(out var update) ? update : null;
    }

    public void Dispose()
    {
        _updates.Writer.TryComplete();
        _unsubscribe(this);
    }
}
