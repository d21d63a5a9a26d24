using System.Collections.Concurrent;

namespace SeedreamBot.Fakes.Shared;

/// <summary>
/// A fake's record of contract violations: checks run off the response path (validating against a whole OpenAPI
/// document takes a while, and the bot's latency must not include it), and their problems are kept until a test takes
/// them or the fake is disposed.
/// </summary>
public sealed class FakeContractLog
{
    private readonly List<string> _violations = [];
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private int _checks;

    /// <summary>Requests checked so far.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>The violations found so far (checks still running are not awaited).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Runs <paramref name="check"/> in the background and keeps what it finds.</summary>
    public void CheckInBackground(Func<IEnumerable<string>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var running = Task.Run(() =>
        {
            var problems = check().ToList();
            Interlocked.Increment(ref _checks);
            if (problems.Count > 0)
            {
                lock (_violations)
                {
                    _violations.AddRange(problems);
                }
            }
        });
        _pending[running] = 0;
        _ = running.ContinueWith(done => _pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Waits for every check started so far, then returns the violations and forgets them.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync()
    {
        await WhenCheckedAsync().ConfigureAwait(false);
        lock (_violations)
        {
            var taken = _violations.ToArray();
            _violations.Clear();
            return taken;
        }
    }

    /// <summary>Waits for every check started so far, then throws if any violation is left.</summary>
    /// <exception cref="FakeContractViolationException">Violations that no test took.</exception>
    public async Task ThrowIfViolatedAsync(string service)
    {
        await WhenCheckedAsync().ConfigureAwait(false);
        var left = Violations;
        if (left.Count > 0)
        {
            throw FakeContractViolationException.For(service, left);
        }
    }

    private Task WhenCheckedAsync() => Task.WhenAll(_pending.Keys);
}
