namespace SeedreamBot.Fakes.Apiframe;

/// <summary>Wakes waiters whenever the fake's state changes, so WaitFor… helpers need no busy polling.</summary>
internal sealed class FakeSignal
{
    /// <summary>Automatic jobs advance with time, not with events, so waiters also look again this often.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(Recheck, linked.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Look again: time may have moved an automatic job on.
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The fake Apiframe did not reach the expected state within {timeout}: {describe()}");
            }
        }
    }
}
