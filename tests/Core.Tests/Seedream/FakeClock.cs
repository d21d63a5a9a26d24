using Microsoft.Extensions.Time.Testing;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Drives a <see cref="FakeTimeProvider"/> while an operation that waits on it runs: advance a step, give the real
/// world a moment to react, repeat. Assertions then use the fake clock's timestamps, never wall-clock durations.
/// </summary>
internal static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> operation, TimeSpan step)
    {
        var running = operation();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!running.IsCompleted)
        {
            if (safetyNet.IsCancellationRequested)
            {
                throw new TimeoutException($"The operation did not finish; the fake clock reached {time.GetUtcNow():O}.");
            }

            time.Advance(step);
            await Task.WhenAny(running, Task.Delay(2));
        }

        return await running;
    }
}
