using System.Reflection;
using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// Makes a LiteDB commit reach the operating system before <see cref="SeedreamDatabase.Write{T}"/> returns.
/// LiteDB 5 hands a committed transaction's pages to a background writer and returns at once, so a process killed
/// right after a commit could lose it. LiteDB exposes no public way to wait for that writer, so this reaches its
/// queue's "empty" signal by reflection, once, at open. The members are checked then: a LiteDB version without them
/// fails at start with a clear message instead of silently losing durability. (The writer fsyncs right after the
/// signal, so an OS crash can lose at most the commits of the last moment, never corrupt the file.)
/// </summary>
internal sealed class LiteDbCommitBarrier
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly object _queue;

    private readonly ManualResetEventSlim _queueIsEmpty;

    private readonly FieldInfo _writerException;

    private LiteDbCommitBarrier(object queue, ManualResetEventSlim queueIsEmpty, FieldInfo writerException)
    {
        _queue = queue;
        _queueIsEmpty = queueIsEmpty;
        _writerException = writerException;
    }

    public static LiteDbCommitBarrier Attach(LiteDatabase database)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        try
        {
            var engine = typeof(LiteDatabase).GetField("_engine", Instance)?.GetValue(database);
            var disk = engine?.GetType().GetField("_disk", Instance)?.GetValue(engine);
            var lazyQueue = disk?.GetType().GetProperty("Queue", Instance)?.GetValue(disk);
            var queue = lazyQueue?.GetType().GetProperty("Value")?.GetValue(lazyQueue);
            var isEmpty = queue?.GetType().GetField("_queueIsEmpty", Instance)?.GetValue(queue) as ManualResetEventSlim;
            var exception = queue?.GetType().GetField("_exception", Instance);
            if (queue is not null && isEmpty is not null && exception is not null)
            {
                return new LiteDbCommitBarrier(queue, isEmpty, exception);
            }
        }
        catch (TargetInvocationException)
        {
            // Reported below with the same message.
        }

        var version = typeof(LiteDatabase).Assembly.GetName().Version;
        throw new StorageVersionException(
            $"This LiteDB build ({version}) does not have the write queue SeedreamBot waits on to make every commit " +
            "durable. SeedreamBot is built and tested against LiteDB 5.0.20; restore that package version.");
    }

    /// <summary>Whether every page committed so far has been written (nothing waits in LiteDB's queue).</summary>
    public bool IsIdle => _queueIsEmpty.IsSet;

    /// <summary>Blocks until every page committed so far has been written to the log file.</summary>
    public void WaitUntilWritten()
    {
        var waited = TimeSpan.Zero;
        while (!_queueIsEmpty.Wait(Slice))
        {
            if (_writerException.GetValue(_queue) is Exception failure)
            {
                throw new IOException("The database could not write its log file: " + failure.Message, failure);
            }

            waited += Slice;
            if (waited >= Limit)
            {
                throw new IOException(
                    $"The database has not finished writing a commit after {Limit.TotalMinutes:0} minutes; " +
                    "the disk is stalled or full.");
            }
        }
    }
}
