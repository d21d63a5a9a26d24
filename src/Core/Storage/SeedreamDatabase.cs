using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// The bot's one LiteDB database, on files this process opens exclusively (LiteDB runs in-process, like its direct
/// mode). Every change goes through <see cref="Write{T}"/>: one transaction at a time, run synchronously on the
/// calling thread (LiteDB binds transactions to threads), written to the log file and fsynced before the call
/// returns, so a committed change survives the process being killed and the machine losing power. Commits that
/// finish together share one fsync.
/// </summary>
public sealed class SeedreamDatabase : IDisposable
{
    private const string ProbeCollection = "storage_probe";

    private readonly LiteDatabase _database;

    private readonly DurableFileStream _data;

    private readonly DurableFileStream _log;

    private readonly Lock _syncGate = new();

    private readonly LiteDbCommitBarrier _barrier;

    private readonly ILogger _logger;

    private readonly Lock _gate = new();

    private int _depth;

    // Commits so far, and how many of them are known durable; the gap is closed by one fsync for all (group commit).
    private long _committed;

    private long _synced;

    private volatile bool _disposed;

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

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, serialized with every other write, and returns after the
    /// commit is on disk. An exception rolls everything back. A nested call on the same thread joins the
    /// outer transaction. Do not start tasks or await inside <paramref name="work"/>: the transaction belongs to
    /// this thread.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        long sequence;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_depth > 0)
            {
                _depth++;
                try
                {
                    return work(_database);
                }
                finally
                {
                    _depth--;
                }
            }

            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException(
                    "A LiteDB transaction is already open on this thread outside SeedreamDatabase.Write; " +
                    "make every change through Write.");
            }

            _depth = 1;
            var logWrites = _log.WriteCount;
            try
            {
                result = work(_database);
                _database.Commit();

                // A transaction that changed nothing wrote no page (none written, none queued): nothing to sync,
                // and no reason to wait behind another writer's fsync.
                if (_barrier.IsIdle && _log.WriteCount == logWrites)
                {
                    return result;
                }

                sequence = Interlocked.Increment(ref _committed);
            }
            catch
            {
                RollbackQuietly();
                throw;
            }
            finally
            {
                _depth = 0;
            }
        }

        // Outside the lock, so that writers arriving meanwhile share one fsync.
        MakeDurable(sequence);
        return result;
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
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;

            // Wait for a group fsync in progress. LiteDB then copies the log into the data file (fsynced) and
            // empties the log before it lets go, so commits still waiting to be synced are durable after this.
            lock (_syncGate)
            {
                _database.Dispose();
                _log.Dispose();
                _data.Dispose();
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
            if (_synced >= sequence || _disposed)
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

        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
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
