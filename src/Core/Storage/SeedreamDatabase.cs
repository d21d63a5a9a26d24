using System.Runtime.ExceptionServices;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// The bot's one LiteDB database, on files this process opens exclusively (LiteDB runs in-process, like its direct
/// mode). Every change goes through <see cref="Write{T}"/>: serialized, run synchronously (LiteDB binds transactions
/// to threads), written to the log file and fsynced before the call returns, so a committed change survives the
/// process being killed and the machine losing power. Writes that arrive while another group is running are
/// committed together as one transaction and one fsync (group commit): a LiteDB commit costs far more CPU than a
/// ledger operation, so this is what lets many concurrent callers through.
/// </summary>
public sealed class SeedreamDatabase : IDisposable
{
    /// <summary>The most writes one group commit takes, so that one group never keeps its callers waiting long.</summary>
    internal const int MaxGroupSize = 64;

    private const string ProbeCollection = "storage_probe";

    private readonly LiteDatabase _database;

    private readonly DurableFileStream _data;

    private readonly DurableFileStream _log;

    private readonly Lock _syncGate = new();

    private readonly LiteDbCommitBarrier _barrier;

    private readonly ILogger _logger;

    // Held while a group runs, and by Dispose.
    private readonly Lock _gate = new();

    // Guards the queue of writes and the leader flag: the caller that finds no leader runs groups until its own write
    // is done, then hands over to the first caller still waiting.
    private readonly Lock _queueGate = new();

    private readonly Queue<WriteRequest> _queue = new();

    private bool _leading;

    // The managed thread running a group, so that a write from inside a write joins its transaction.
    private int _groupThread;

    // Commits so far, and how many of them are known durable; the gap is closed by one fsync for all (group commit).
    private long _committed;

    private long _sharedWrites;

    private long _synced;

    private volatile bool _disposed;

    // Set once LiteDB has closed, which checkpoints every commit into the fsynced data file.
    private bool _closed;

    public SeedreamDatabase(IOptions<StorageOptions> options, ILogger<SeedreamDatabase> logger)
        : this(options.Value.ResolveFullPath(), logger, SchemaMigrations.All)
    {
    }

    /// <summary>Opens (or creates) the database at <paramref name="path"/>, for tools and tests.</summary>
    public SeedreamDatabase(string path)
        : this(Path.GetFullPath(path), NullLogger.Instance, SchemaMigrations.All)
    {
    }

    internal SeedreamDatabase(string fullPath, ILogger logger, IReadOnlyList<SchemaMigration> migrations)
    {
        _logger = logger;
        FullPath = fullPath;
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            _data = DurableFileStream.Open(fullPath, syncOnFlush: true);
            _log = DurableFileStream.Open(LiteDbFileRepair.LogPathOf(fullPath), syncOnFlush: false);
            foreach (var repair in LiteDbFileRepair.TrimTornPages(_data, _log, fullPath))
            {
                _logger.LogWarning("Database recovery after an abrupt stop: {Repair}", repair);
            }

            _database = new LiteDatabase(_data, mapper: null, logStream: _log);
        }
        catch (Exception ex)
        {
            _log?.Dispose();
            _data?.Dispose();
            var advice = ex switch
            {
                LiteException => "The file is not a SeedreamBot database or is damaged; restore a backup or point " +
                    "Storage:DatabasePath at another file.",
                UnauthorizedAccessException => "Give the bot's user read and write access to the file and its folder.",
                IOException => "Check that the folder is writable and that no other SeedreamBot process uses the same " +
                    "Storage:DatabasePath.",
                _ => null,
            };
            if (advice is null)
            {
                throw;
            }

            throw new IOException($"Could not open the database {fullPath}: {ex.Message} {advice}", ex);
        }

        try
        {
            _barrier = LiteDbCommitBarrier.Attach(_database);
            SchemaVersion = Migrate(migrations);
        }
        catch
        {
            _database.Dispose();
            _log.Dispose();
            _data.Dispose();
            throw;
        }
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FullPath { get; }

    /// <summary>The schema version after the migrations that ran at open.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Writes waiting for their group (for tests).</summary>
    internal int QueuedWrites
    {
        get
        {
            lock (_queueGate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Writes so far that committed in one transaction with at least one other write (for tests).</summary>
    internal long SharedWrites => Interlocked.Read(ref _sharedWrites);

    /// <summary>Commits that wrote something so far (for tests).</summary>
    internal long CommitCount => Interlocked.Read(ref _committed);

    /// <summary>The log file's write and fsync counters, read in an order that never overstates durability (for tests).</summary>
    internal LogDurability LogDurability
    {
        get
        {
            var syncs = _log.SyncCount;
            var durable = _log.DurableWriteCount;
            return new LogDurability(_log.WriteCount, durable, syncs);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, serialized with every other write, and returns after the
    /// commit is on disk. Writes from concurrent callers share one transaction (group commit). An exception thrown by
    /// <paramref name="work"/> rolls back its changes and reaches only its caller: the group's other writes run again
    /// without it. So <paramref name="work"/> may run more than once and must change nothing outside the database
    /// (compute, read and write; log or notify after the call). A nested call on the same thread joins the outer
    /// transaction. Do not start tasks or await inside <paramref name="work"/>: the transaction belongs to the thread
    /// running the group, and materialize query results inside it.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Volatile.Read(ref _groupThread) == Environment.CurrentManagedThreadId)
        {
            return work(_database);
        }

        var request = new WriteRequest<T>(work);
        Submit(request);
        if (request.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return request.Result;
    }

    /// <inheritdoc cref="Write{T}(Func{LiteDatabase, T})"/>
    public void Write(Action<LiteDatabase> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Write(database =>
        {
            work(database);
            return true;
        });
    }

    /// <summary>
    /// Runs a read. LiteDB reads committed data concurrently with writers, so this takes no lock; materialize
    /// query results inside <paramref name="work"/> (a lazy enumerable would run after the call).
    /// </summary>
    public T Read<T>(Func<LiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return work(_database);
    }

    /// <summary>A collection, for use inside <see cref="Write{T}"/> or <see cref="Read{T}"/>.</summary>
    public ILiteCollection<T> Collection<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _database.GetCollection<T>(name);
    }

    /// <summary>
    /// A cheap health probe: a one-document write through the normal commit path. False (and a logged warning)
    /// when the database cannot take writes.
    /// </summary>
    public bool IsWritable()
    {
        try
        {
            Write(database => database.GetCollection(ProbeCollection).Upsert(new BsonDocument
            {
                ["_id"] = 1,
                ["at"] = DateTime.UtcNow,
            }));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "The database {Path} is not writable", FullPath);
            return false;
        }
    }

    public void Dispose()
    {
        lock (_queueGate)
        {
            if (_disposed)
            {
                return;
            }

            // Writes still queued fail with ObjectDisposedException when their group finds the database closed.
            _disposed = true;
        }

        lock (_gate)
        {
            // Wait for a group fsync in progress. LiteDB then copies the log into the data file (fsynced) and
            // empties the log before it lets go, so commits still waiting to be synced are durable after this.
            lock (_syncGate)
            {
                _database.Dispose();
                _log.Dispose();
                _data.Dispose();
                _closed = true;
            }
        }
    }

    /// <summary>Returns once commit number <paramref name="sequence"/> is on disk (written and fsynced).</summary>
    private void MakeDurable(long sequence)
    {
        if (Interlocked.Read(ref _synced) >= sequence)
        {
            return;
        }

        lock (_syncGate)
        {
            if (_synced >= sequence || _closed)
            {
                // Closing checkpointed everything into the fsynced data file.
                return;
            }

            // Every commit up to this number has handed its pages to LiteDB's writer; wait until they are written,
            // then one fsync covers them all.
            var target = Interlocked.Read(ref _committed);
            _barrier.WaitUntilWritten();
            _log.Sync();
            Interlocked.Exchange(ref _synced, target);
        }
    }

    private int Migrate(IReadOnlyList<SchemaMigration> migrations)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = _database.UserVersion;
        if (current > latest)
        {
            throw new StorageVersionException(
                $"The database {FullPath} has schema version {current}, written by a newer SeedreamBot; this build " +
                $"understands up to version {latest}. Run the newer SeedreamBot, or restore a backup made by this one.");
        }

        var pending = migrations.Where(m => m.Version > current).OrderBy(m => m.Version).ToList();
        if (pending.Count > 0 && (current > 0 || _database.GetCollectionNames().Any()))
        {
            // An older build refuses the upgraded file: keep a copy it can open, for rolling back.
            BackUp(current, latest);
        }

        foreach (var migration in pending)
        {
            _logger.LogInformation("Database schema {From} -> {To}: {Description}", current, migration.Version,
                migration.Description);
            try
            {
                Write(migration.Apply);
                _database.UserVersion = migration.Version;
                MakeDurable(Interlocked.Increment(ref _committed));
            }
            catch (Exception ex) when (ex is not StorageVersionException)
            {
                throw new StorageVersionException(
                    $"Upgrading the database {FullPath} to schema version {migration.Version} " +
                    $"({migration.Description}) failed: {ex.Message} The database was left at version {current}.", ex);
            }

            current = migration.Version;
        }

        return current;
    }

    /// <summary>
    /// Copies the data file and its log to <see cref="SchemaBackup"/>'s names before an upgrade to
    /// <paramref name="target"/>. A checkpoint first moves every committed page into the data file, so the copy of it
    /// is complete on its own. An existing copy is kept (never overwritten); a copy that cannot be made stops the
    /// upgrade with the file unchanged.
    /// </summary>
    private void BackUp(int current, int target)
    {
        var backup = SchemaBackup.For(FullPath, target);
        if (File.Exists(backup.DataCopy))
        {
            // Never overwritten: after a failed upgrade the first copy is the older build's file. After a rollback the
            // operator moves the copies away (the README says so), and the next upgrade takes fresh ones.
            _logger.LogWarning(
                "Database schema {From} -> {To}: {DataCopy} already exists (taken {TakenAt:u}) and is kept as it is; no new " +
                "copy was taken", current, target, backup.DataCopy, File.GetLastWriteTimeUtc(backup.DataCopy));
            return;
        }

        try
        {
            _database.Checkpoint();

            // The log copy first: the data copy's existence marks a complete pair.
            _log.CopyTo(backup.LogCopy, overwrite: true);
            _data.CopyTo(backup.DataCopy, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            throw new StorageVersionException(
                $"Could not copy the database {FullPath} to {backup.DataCopy} before upgrading it from schema version " +
                $"{current} to {target}: {ex.Message} Nothing was changed. Free some disk space or make the folder " +
                "writable for the bot, then start it again.", ex);
        }

        _logger.LogWarning(
            "Database schema {From} -> {To}: copied the database to {DataCopy} and {LogCopy} first. To roll back to the " +
            "previous SeedreamBot, stop the bot and copy both files back over {DatabasePath} and its -log file",
            current, target, backup.DataCopy, backup.LogCopy, FullPath);
    }

    /// <summary>
    /// Queues <paramref name="request"/> and returns once it is durable or failed. The caller that finds no group
    /// running runs one itself (its write is first in line, so the group includes it); it hands over to the next
    /// caller in line before its fsync, so that the next group runs while this one's fsync waits for the disk.
    /// </summary>
    private void Submit(WriteRequest request)
    {
        bool lead;
        lock (_queueGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(request);
            lead = !_leading;
            _leading = true;
        }

        if (!lead)
        {
            request.WaitForTurn();
            if (request.IsDone)
            {
                return;
            }
        }

        List<WriteRequest> committed;
        long sequence;
        try
        {
            (committed, sequence) = RunGroup(TakeGroup());
        }
        finally
        {
            HandOver();
        }

        try
        {
            MakeDurable(sequence);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            FailAll(committed, () => new IOException("The database could not make the write durable: " + ex.Message, ex));
            return;
        }

        foreach (var done in committed)
        {
            done.Complete();
        }
    }

    private List<WriteRequest> TakeGroup()
    {
        lock (_queueGate)
        {
            var group = new List<WriteRequest>(Math.Min(_queue.Count, MaxGroupSize));
            while (group.Count < MaxGroupSize && _queue.TryDequeue(out var next))
            {
                group.Add(next);
            }

            return group;
        }
    }

    private void HandOver()
    {
        WriteRequest? next;
        lock (_queueGate)
        {
            if (!_queue.TryPeek(out next))
            {
                _leading = false;
            }
        }

        next?.Promote();
    }

    /// <summary>
    /// Runs a group of writes in one transaction and commits it. A write that fails ends failed with its own exception
    /// (and the others run again without it); the writes that committed are returned, not yet durable, with the commit
    /// number to make durable (0 when the group wrote nothing).
    /// </summary>
    private (List<WriteRequest> Committed, long Sequence) RunGroup(List<WriteRequest> group)
    {
        try
        {
            lock (_gate)
            {
                while (group.Count > 0)
                {
                    if (_disposed)
                    {
                        FailAll(group, () => new ObjectDisposedException(nameof(SeedreamDatabase)));
                        break;
                    }

                    if (!_database.BeginTrans())
                    {
                        FailAll(group, () => new InvalidOperationException(
                            "A LiteDB transaction is already open on this thread outside SeedreamDatabase.Write; " +
                            "make every change through Write."));
                        break;
                    }

                    var logWrites = _log.WriteCount;
                    var failed = RunEach(group);
                    if (failed >= 0)
                    {
                        RollbackQuietly();
                        group.RemoveAt(failed);
                        continue;
                    }

                    try
                    {
                        _database.Commit();
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        RollbackQuietly();
                        FailAll(group, () => new IOException("The database could not commit the write: " + ex.Message, ex));
                        break;
                    }

                    if (group.Count > 1)
                    {
                        Interlocked.Add(ref _sharedWrites, group.Count);
                    }

                    // A group that changed nothing wrote no page (none written, none queued): nothing to sync, and no
                    // reason to wait behind another group's fsync.
                    return (group, _barrier.IsIdle && _log.WriteCount == logWrites ? 0 : Interlocked.Increment(ref _committed));
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Unexpected (the database failed while rolling back): no caller may be left waiting.
            FailAll(group, () => new IOException("The database failed while committing a group of writes: " + ex.Message, ex));
        }

        return ([], 0);
    }

    /// <summary>Runs each write of the group in the open transaction; the index of the first that failed, or -1.</summary>
    private int RunEach(List<WriteRequest> group)
    {
        Volatile.Write(ref _groupThread, Environment.CurrentManagedThreadId);
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                try
                {
                    group[i].Run(_database);

                    // LiteDB rolls a transaction back by itself when one of its operations fails; a write that caught
                    // such an error would otherwise commit nothing for the whole group while reporting success.
                    if (_database.BeginTrans())
                    {
                        throw new InvalidOperationException(
                            "The database rolled this write back after an error that the write caught; let database " +
                            "errors propagate out of SeedreamDatabase.Write.");
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    group[i].Fail(ex);
                    return i;
                }
            }

            return -1;
        }
        finally
        {
            Volatile.Write(ref _groupThread, 0);
        }
    }

    private static void FailAll(List<WriteRequest> group, Func<Exception> failure)
    {
        foreach (var request in group.Where(request => !request.IsDone))
        {
            request.Fail(failure());
        }

        group.Clear();
    }

    private void RollbackQuietly()
    {
        try
        {
            _database.Rollback();
        }
        catch (LiteException ex)
        {
            // The original exception matters more; LiteDB may already have rolled back on its own.
            _logger.LogDebug(ex, "Rollback after a failed transaction also failed");
        }
    }
}
