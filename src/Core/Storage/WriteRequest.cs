using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// One caller's write waiting for, or taking part in, a group commit (see <see cref="SeedreamDatabase.Write{T}"/>).
/// The caller blocks in <see cref="WaitForTurn"/> until the write is done (committed and durable, or failed) or until
/// it is its turn to run the next group itself. Waiting blocks without spinning: on two cores a spinning waiter takes
/// the CPU from the thread running the group.
/// </summary>
internal abstract class WriteRequest
{
    private readonly object _signal = new();

    private bool _signaled;

    /// <summary>Whether the write is done: committed and durable, or failed (see <see cref="Failure"/>).</summary>
    public bool IsDone { get; private set; }

    /// <summary>Why the write failed; null when it committed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Runs the caller's work inside the group's transaction; may run again if another write of the group fails.</summary>
    public abstract void Run(LiteDatabase database);

    public void Complete()
    {
        IsDone = true;
        Signal();
    }

    public void Fail(Exception failure)
    {
        Failure = failure;
        IsDone = true;
        Signal();
    }

    /// <summary>Wakes the caller to run the next group itself (its write is first in line).</summary>
    public void Promote() => Signal();

    /// <summary>Blocks until the write is done or the caller has been promoted to run the next group.</summary>
    public void WaitForTurn()
    {
        lock (_signal)
        {
            while (!_signaled)
            {
                Monitor.Wait(_signal);
            }
        }
    }

    private void Signal()
    {
        lock (_signal)
        {
            _signaled = true;
            Monitor.Pulse(_signal);
        }
    }
}
