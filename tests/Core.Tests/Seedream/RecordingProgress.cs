using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>An <see cref="IProgress{T}"/> that records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<JobProgress>
{
    private readonly Lock _gate = new();
    private readonly List<JobProgress> _reports = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<JobProgress> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(JobProgress value)
    {
        lock (_gate)
        {
            _reports.Add(value);
        }

        Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task WaitForAsync(JobProgress expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (Reports.Contains(expected))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Never reported {expected}; got [{string.Join(", ", Reports)}].");
            }
        }
    }
}
