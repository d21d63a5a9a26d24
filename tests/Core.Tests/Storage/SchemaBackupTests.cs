using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Seedream;

namespace SeedreamBot.Core.Tests.Storage;

/// <summary>
/// Safe updates: an upgrade copies the database to <c>&lt;name&gt;.before-v&lt;schema&gt;.bak</c> first, so the
/// previous build (which refuses an upgraded file) can be brought back with the copy.
/// </summary>
public sealed class SchemaBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Upgrading_a_file_of_the_previous_schema_leaves_a_copy_beside_it_that_the_previous_build_opens()
    {
        var path = _folder.File("bot.db");
        IReadOnlyList<SchemaMigration> previousBuild = [.. SchemaMigrations.All.Take(SchemaMigrations.All.Count - 1)];
        var previousVersion = previousBuild.Count == 0 ? 0 : previousBuild[^1].Version;
        using (var old = new SeedreamDatabase(path, NullLogger.Instance, previousBuild))
        {
            old.Write(db => db.GetCollection("credit_accounts").Insert(new BsonDocument { ["_id"] = "1:2", ["note"] = "before the update" }));
        }

        var logs = new CapturingLoggerProvider();
        using (var upgraded = new SeedreamDatabase(path, logs.CreateLogger("storage"), SchemaMigrations.All))
        {
            Assert.Equal(SchemaMigrations.Latest, upgraded.SchemaVersion);
        }

        var backup = SchemaBackup.For(path, SchemaMigrations.Latest);
        Assert.Equal(path + $".before-v{SchemaMigrations.Latest}.bak", backup.DataCopy);
        Assert.True(File.Exists(backup.DataCopy), "The data file was not copied before the upgrade.");
        Assert.True(File.Exists(backup.LogCopy), "The log file was not copied before the upgrade.");
        var said = Assert.Single(logs.Entries, entry => entry.Message.Contains(backup.DataCopy, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.Contains(backup.LogCopy, said.Message, StringComparison.Ordinal);

        // Rolling back as the README says: the copies go back in place of both files, and the previous build opens them.
        var restored = _folder.File("restored.db");
        File.Copy(backup.DataCopy, restored);
        File.Copy(backup.LogCopy, LiteDbFileRepair.LogPathOf(restored));
        using var rolledBack = new SeedreamDatabase(restored, NullLogger.Instance, previousBuild);
        Assert.Equal(previousVersion, rolledBack.SchemaVersion);
        Assert.Equal("before the update", rolledBack.Read(db => db.GetCollection("credit_accounts").FindById("1:2")["note"].AsString));
    }

    [Fact]
    public void The_copy_holds_every_committed_write_even_one_still_only_in_the_log()
    {
        var path = _folder.File("unclosed.db");
        using (var data = new MemoryStream())
        using (var logStream = new MemoryStream())
        {
            // A previous build killed before its checkpoint: the last writes are only in the log file.
            var live = new LiteDatabase(data, mapper: null, logStream: logStream);
            live.UserVersion = 1;
            live.GetCollection("items").Insert(new BsonDocument { ["_id"] = "a", ["v"] = 1 });
            LiteDbCommitBarrier.Attach(live).WaitUntilWritten();
            File.WriteAllBytes(path, data.ToArray());
            File.WriteAllBytes(LiteDbFileRepair.LogPathOf(path), logStream.ToArray());
            GC.KeepAlive(live);
        }

        Assert.True(new FileInfo(LiteDbFileRepair.LogPathOf(path)).Length > 0);

        using (new SeedreamDatabase(path, NullLogger.Instance, [Step(1), Step(2)]))
        {
        }

        // The data copy alone (with no log beside it) has the write.
        var copy = _folder.File("copy.db");
        File.Copy(SchemaBackup.For(path, 2).DataCopy, copy);
        using var raw = new LiteDatabase(copy);
        Assert.Equal(1, raw.UserVersion);
        Assert.Equal(1, raw.GetCollection("items").FindById("a")["v"].AsInt32);
    }

    [Fact]
    public void A_copy_from_an_earlier_attempt_is_never_overwritten()
    {
        var path = _folder.File("retry.db");
        using (var database = new SeedreamDatabase(path, NullLogger.Instance, [Step(1)]))
        {
            database.Write(db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = "a", ["v"] = "original" }));
        }

        SchemaMigration failing = new(2, "breaks", _ => throw new InvalidDataException("boom"));
        Assert.Throws<StorageVersionException>(() => new SeedreamDatabase(path, NullLogger.Instance, [Step(1), failing]));
        var backup = SchemaBackup.For(path, 2);
        var first = File.ReadAllBytes(backup.DataCopy);

        // Meanwhile the file changes (the previous build ran on), then the upgrade is tried again.
        using (var database = new SeedreamDatabase(path, NullLogger.Instance, [Step(1)]))
        {
            database.Write(db => db.GetCollection("items").Update(new BsonDocument { ["_id"] = "a", ["v"] = "changed" }));
        }

        var logs = new CapturingLoggerProvider();
        using (var upgraded = new SeedreamDatabase(path, logs.CreateLogger("storage"), [Step(1), Step(2)]))
        {
            Assert.Equal(2, upgraded.SchemaVersion);
        }

        Assert.Equal(first, File.ReadAllBytes(backup.DataCopy));
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning
            && entry.Message.Contains(backup.DataCopy + " already exists", StringComparison.Ordinal));
        using var raw = new LiteDatabase(backup.DataCopy);
        Assert.Equal("original", raw.GetCollection("items").FindById("a")["v"].AsString);
    }

    [Fact]
    public void A_new_database_and_one_already_up_to_date_get_no_copy()
    {
        var path = _folder.File("fresh.db");

        using (new SeedreamDatabase(path, NullLogger.Instance, [Step(1), Step(2)]))
        {
        }

        using (new SeedreamDatabase(path, NullLogger.Instance, [Step(1), Step(2)]))
        {
        }

        Assert.Empty(Directory.GetFiles(_folder.FullPath, "*.bak"));
    }

    [Fact]
    public void A_copy_that_cannot_be_written_stops_the_upgrade_with_the_file_unchanged()
    {
        var path = _folder.File("blocked.db");
        using (new SeedreamDatabase(path, NullLogger.Instance, [Step(1)]))
        {
        }

        // A folder where the copy's temporary file would go makes the copy fail like a full or read-only disk would.
        Directory.CreateDirectory(SchemaBackup.For(path, 2).LogCopy + ".tmp");

        var refused = Assert.Throws<StorageVersionException>(() => new SeedreamDatabase(path, NullLogger.Instance, [Step(1), Step(2)]));

        Assert.Contains("Could not copy the database", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
        using var raw = new LiteDatabase(path);
        Assert.Equal(1, raw.UserVersion);
        Assert.False(File.Exists(SchemaBackup.For(path, 2).DataCopy));
    }

    private static SchemaMigration Step(int version) =>
        new(version, $"step {version}", db => db.GetCollection("steps").Upsert(new BsonDocument { ["_id"] = version }));
}
