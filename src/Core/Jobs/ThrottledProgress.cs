using System.Threading.Channels;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Turns Apiframe's progress reports into message edits: at most one per interval, always the latest value.
/// <see cref="CompleteAsync"/> drops whatever is still waiting for its turn and waits for an edit in flight, so a
/// late progress edit can never overwrite the result and never delays it by a throttle interval. An edit that fails is
/// skipped: only shutdown (the token given here) ends the pump early.
/// </summary>
internal sealed class ThrottledProgress : IProgress<JobProgress>, IDisposable
{
    private readonly Channel<JobProgress> _reports = Channel.CreateBounded<JobProgress>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Func<JobProgress, CancellationToken, Task> _show;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _finished;
    private readonly CancellationToken _cancellationToken;
    private readonly Task _pump;
    private JobProgress? _lastShown;

    public ThrottledProgress(
        Func<JobProgress, CancellationToken, Task> show,
        TimeProvider time,
        TimeSpan interval,
        JobProgress? alreadyShown,
        CancellationToken cancellationToken)
    {
        _show = show;
        _time = time;
        _interval = interval;
        _lastShown = alreadyShown;
        _cancellationToken = cancellationToken;
        _finished = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pump = PumpAsync(alreadyShown is null ? null : time.GetTimestamp());
    }

    /// <summary>How many edits were made (for metrics and tests).</summary>
    public int Shown { get; private set; }

    public void Report(JobProgress value) => _reports.Writer.TryWrite(value);

    public async Task CompleteAsync()
    {
        _reports.Writer.TryComplete();
        await _finished.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
    }

    public void Dispose() => _finished.Dispose();

    private async Task PumpAsync(long? lastShownAt)
    {
        try
        {
            while (await _reports.Reader.WaitToReadAsync(_finished.Token).ConfigureAwait(false))
            {
                if (lastShownAt is { } shownAt)
                {
                    var wait = _interval - _time.GetElapsedTime(shownAt);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, _finished.Token).ConfigureAwait(false);
                    }
                }

                if (!_reports.Reader.TryRead(out var latest) || latest == _lastShown)
                {
                    continue;
                }

                // Not cancelled by completion: an edit that has started is allowed to finish before the result.
                try
                {
                    await _show(latest, _cancellationToken).ConfigureAwait(false);
                    Shown++;
                }
                catch (Exception) when (!_cancellationToken.IsCancellationRequested)
                {
                    // Best effort: a failed edit (a timeout is a TaskCanceledException too) never ends the job, and
                    // the next report tries again.
                }

                _lastShown = latest;
                lastShownAt = _time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (_finished.IsCancellationRequested)
        {
            // Finished (the result is next) or shutting down (the generation resumes after the restart).
        }
    }
}
