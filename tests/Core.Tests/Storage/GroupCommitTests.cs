using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Storage;

/// <summary>
/// Writes that arrive while a group runs are committed together; a write that fails must fail alone. Each test holds
/// the first write inside its work until the others have queued, so the group they form is known.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(15);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_queued_behind_a_running_one_commit_together_as_one_group()
    {
        using var database = new SeedreamDatabase(_folder.File("group.db"));
        using var blocker = BlockingWrite.Start(database);
        var commitsBefore = database.CommitCount;

        var queued = Enumerable.Range(0, 5)
            .Select(i => QueueWrite(database, i + 1, db => Insert(db, $"w{i}")))
            .ToList();
        blocker.Release();

        await Task.WhenAll(queued).WaitAsync(SafetyTimeout);
        Assert.Equal(2, database.CommitCount - commitsBefore);
        Assert.Equal(["blocker", "w0", "w1", "w2", "w3", "w4"], Ids(database));
    }

    [Fact]
    public async Task A_write_that_throws_fails_alone_and_the_rest_of_its_group_runs_again_without_it()
    {
        using var database = new SeedreamDatabase(_folder.File("failing.db"));
        using var blocker = BlockingWrite.Start(database);
        var beforeRuns = 0;
        var afterRuns = 0;

        var before = QueueWrite(database, 1, db =>
        {
            Interlocked.Increment(ref beforeRuns);
            Insert(db, "before");
        });
        var failing = QueueWrite(database, 2, db =>
        {
            Insert(db, "failing");
            throw new InvalidDataException("refused");
        });
        var after = QueueWrite(database, 3, db =>
        {
            Interlocked.Increment(ref afterRuns);
            Insert(db, "after");
        });
        blocker.Release();

        await before.WaitAsync(SafetyTimeout);
        await after.WaitAsync(SafetyTimeout);
        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => failing.WaitAsync(SafetyTimeout));
        Assert.Equal("refused", failure.Message);

        // "before" ran, was rolled back with the failing write, and ran again; "after" ran once, after the failure.
        Assert.Equal(2, beforeRuns);
        Assert.Equal(1, afterRuns);
        Assert.Equal(["after", "before", "blocker"], Ids(database));
    }

    [Fact]
    public async Task A_write_that_swallows_a_database_error_fails_instead_of_losing_its_group()
    {
        using var database = new SeedreamDatabase(_folder.File("swallowed.db"));
        using var blocker = BlockingWrite.Start(database);

        var before = QueueWrite(database, 1, db => Insert(db, "before"));
        var swallowing = QueueWrite(database, 2, db =>
        {
            try
            {
                // A duplicate _id: LiteDB throws and rolls the whole transaction back by itself.
                Insert(db, "blocker");
            }
            catch (LiteException)
            {
                // Carries on as if nothing happened.
            }
        });
        var after = QueueWrite(database, 3, db => Insert(db, "after"));
        blocker.Release();

        await before.WaitAsync(SafetyTimeout);
        await after.WaitAsync(SafetyTimeout);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => swallowing.WaitAsync(SafetyTimeout));
        Assert.Contains("rolled this write back", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["after", "before", "blocker"], Ids(database));
    }

    [Fact]
    public async Task Each_write_of_a_group_gets_its_own_result()
    {
        using var database = new SeedreamDatabase(_folder.File("results.db"));
        using var blocker = BlockingWrite.Start(database);

        var queued = Enumerable.Range(0, 4)
            .Select(i => QueueResult(database, i + 1, db =>
            {
                Insert(db, $"r{i}");
                return i * 10;
            }))
            .ToList();
        blocker.Release();

        var results = await Task.WhenAll(queued).WaitAsync(SafetyTimeout);
        Assert.Equal([0, 10, 20, 30], results);
    }

    [Fact]
    public async Task A_write_inside_a_grouped_write_joins_its_transaction()
    {
        using var database = new SeedreamDatabase(_folder.File("nested.db"));
        using var blocker = BlockingWrite.Start(database);

        var outer = QueueWrite(database, 1, db =>
        {
            Insert(db, "outer");
            database.Write(inner => Insert(inner, "inner"));
            throw new InvalidDataException("outer fails after the inner write");
        });
        var other = QueueWrite(database, 2, db => Insert(db, "other"));
        blocker.Release();

        await other.WaitAsync(SafetyTimeout);
        await Assert.ThrowsAsync<InvalidDataException>(() => outer.WaitAsync(SafetyTimeout));
        Assert.Equal(["blocker", "other"], Ids(database));
    }

    [Fact]
    public async Task Writes_still_queued_when_the_database_closes_commit_first_or_fail_as_disposed()
    {
        var path = _folder.File("closing.db");
        var database = new SeedreamDatabase(path);
        var blocker = BlockingWrite.Start(database);
        var queued = QueueWrite(database, 1, db => Insert(db, "queued"));

        var closing = Task.Run(database.Dispose);
        blocker.Release();

        await closing.WaitAsync(SafetyTimeout);
        await blocker.Completed.WaitAsync(SafetyTimeout);
        var committed = true;
        try
        {
            await queued.WaitAsync(SafetyTimeout);
        }
        catch (ObjectDisposedException)
        {
            committed = false;
        }

        Assert.Throws<ObjectDisposedException>(() => database.Write(db => Insert(db, "late")));
        blocker.Dispose();
        using var reopened = new SeedreamDatabase(path);
        Assert.Equal(committed ? ["blocker", "queued"] : ["blocker"], Ids(reopened));
    }

    private static void Insert(LiteDatabase db, string id) =>
        db.GetCollection("items").Insert(new BsonDocument { ["_id"] = id });

    private static List<string> Ids(SeedreamDatabase database) =>
        database.Read(db => db.GetCollection("items").FindAll().Select(doc => doc["_id"].AsString).Order(StringComparer.Ordinal).ToList());

    /// <summary>Starts a write on its own thread and returns once it waits in the queue as number <paramref name="position"/>.</summary>
    private static Task QueueWrite(SeedreamDatabase database, int position, Action<LiteDatabase> work) =>
        QueueResult(database, position, db =>
        {
            work(db);
            return 0;
        });

    private static Task<T> QueueResult<T>(SeedreamDatabase database, int position, Func<LiteDatabase, T> work)
    {
        var task = Task.Factory.StartNew(() => database.Write(work), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(SpinWait.SpinUntil(() => database.QueuedWrites >= position || task.IsCompleted, SafetyTimeout),
            $"write {position} never queued");
        Assert.False(task.IsCompleted, $"write {position} ran before the blocking write finished");
        return task;
    }

    /// <summary>A write that holds its group open inside its work until released.</summary>
    private sealed class BlockingWrite : IDisposable
    {
        private readonly ManualResetEventSlim _running = new();

        private readonly ManualResetEventSlim _release = new();

        private BlockingWrite(SeedreamDatabase database)
        {
            Completed = Task.Factory.StartNew(() => database.Write(db =>
            {
                _running.Set();
                Assert.True(_release.Wait(SafetyTimeout), "the blocking write was never released");
                Insert(db, "blocker");
            }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public Task Completed { get; }

        public static BlockingWrite Start(SeedreamDatabase database)
        {
            var blocker = new BlockingWrite(database);
            Assert.True(blocker._running.Wait(SafetyTimeout), "the blocking write never started");
            return blocker;
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            Completed.Wait(SafetyTimeout);
            _running.Dispose();
            _release.Dispose();
        }
    }
}
