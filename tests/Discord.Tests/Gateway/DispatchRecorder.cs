using System.Threading.Channels;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>A subscriber that keeps everything it reads, with waits that re-check on every new event.</summary>
internal sealed class DispatchRecorder : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<GatewayDispatch> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DispatchRecorder(ChannelReader<GatewayDispatch> reader)
    {
        _reading = Task.Run(async () =>
        {
            await foreach (var dispatch in reader.ReadAllAsync(_stop.Token))
            {
                TaskCompletionSource changed;
                lock (_lock)
                {
                    _received.Add(dispatch);
                    changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed.TrySetResult();
            }
        });
    }

    public IReadOnlyList<GatewayDispatch> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<GatewayDispatch> Named(string eventName) => [.. Received.Where(d => d.EventName == eventName)];

    /// <summary>Waits until <paramref name="count"/> received dispatches match, and returns the matches.</summary>
    public async Task<IReadOnlyList<GatewayDispatch>> WaitForAsync(Func<GatewayDispatch, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            List<GatewayDispatch> matches;
            lock (_lock)
            {
                changed = _changed.Task;
                matches = [.. _received.Where(predicate)];
            }

            if (matches.Count >= count)
            {
                return matches;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Expected {count} matching dispatch(es), got {matches.Count}. Received: " +
                    string.Join(", ", Received.Select(d => $"{d.EventName}#{d.Sequence}@{d.ShardId}")));
            }
        }
    }

    public Task<IReadOnlyList<GatewayDispatch>> WaitForEventAsync(string eventName, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(d => d.EventName == eventName, count, timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped reading before the gateway completed the channel.
        }

        _stop.Dispose();
    }
}
