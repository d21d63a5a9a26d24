using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Storage;

public sealed class SeedreamDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_fresh_database_gets_the_latest_schema_version_and_its_folder()
    {
        var path = Path.Combine(_folder.FullPath, "nested", "deeper", "bot.db");

        using (var database = new SeedreamDatabase(path))
        {
            Assert.Equal(SchemaMigrations.Latest, database.SchemaVersion);
            Assert.Equal(path, database.FullPath);
        }

        Assert.True(File.Exists(path));
        using var raw = new LiteDatabase(path);
        Assert.Equal(SchemaMigrations.Latest, raw.UserVersion);
        var indexes = raw.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();
        Assert.Contains("credit_holds.st", indexes);
        Assert.Contains("credit_entries.s", indexes);
        Assert.Contains("credit_accounts.g", indexes);
    }

    [Fact]
    public void An_old_version_database_is_migrated_and_keeps_its_data()
    {
        var path = _folder.File("old.db");
        using (var raw = new LiteDatabase(path))
        {
            Assert.Equal(0, raw.UserVersion);
            raw.GetCollection("credit_accounts").Insert(new BsonDocument { ["_id"] = "1:2", ["g"] = 1L, ["note"] = "kept" });
        }

        using (var database = new SeedreamDatabase(path))
        {
            Assert.Equal(SchemaMigrations.Latest, database.SchemaVersion);
            Assert.Equal("kept", database.Read(db => db.GetCollection("credit_accounts").FindById("1:2")["note"].AsString));
        }

        using var reopened = new LiteDatabase(path);
        Assert.Equal(SchemaMigrations.Latest, reopened.UserVersion);
        Assert.Contains(reopened.GetCollection("$indexes").FindAll(),
            i => i["collection"].AsString == "credit_accounts" && i["name"].AsString == "g");
    }

    [Fact]
    public void Migrations_run_in_order_and_only_those_newer_than_the_stored_version()
    {
        var path = _folder.File("steps.db");
        var ran = new List<int>();
        SchemaMigration Step(int version) => new(version, $"step {version}", db =>
        {
            ran.Add(version);
            db.GetCollection("steps").Insert(new BsonDocument { ["v"] = version });
        });

        using (new SeedreamDatabase(path, NullLogger.Instance, [Step(1)]))
        {
        }

        using (var database = new SeedreamDatabase(path, NullLogger.Instance, [Step(1), Step(2), Step(3)]))
        {
            Assert.Equal(3, database.SchemaVersion);
            Assert.Equal(3, database.Read(db => db.GetCollection("steps").Count()));
        }

        Assert.Equal([1, 2, 3], ran);
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        var path = _folder.File("newer.db");
        using (var raw = new LiteDatabase(path))
        {
            raw.UserVersion = SchemaMigrations.Latest + 5;
        }

        var refused = Assert.Throws<StorageVersionException>(() => new SeedreamDatabase(path));

        Assert.Contains($"schema version {SchemaMigrations.Latest + 5}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("newer SeedreamBot", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {SchemaMigrations.Latest}", refused.Message, StringComparison.Ordinal);

        // The refusal let go of the file: it can be opened again.
        using var raw2 = new LiteDatabase(path);
        Assert.Equal(SchemaMigrations.Latest + 5, raw2.UserVersion);
    }

    [Fact]
    public void A_failed_migration_is_rolled_back_and_names_the_step()
    {
        var path = _folder.File("failing.db");
        SchemaMigration[] steps =
        [
            new(1, "first", db => db.GetCollection("a").Insert(new BsonDocument { ["x"] = 1 })),
            new(2, "second, which breaks", db =>
            {
                db.GetCollection("b").Insert(new BsonDocument { ["x"] = 2 });
                throw new InvalidDataException("boom");
            }),
        ];

        var failure = Assert.Throws<StorageVersionException>(() => new SeedreamDatabase(path, NullLogger.Instance, steps));

        Assert.Contains("schema version 2 (second, which breaks) failed: boom", failure.Message, StringComparison.Ordinal);
        Assert.Contains("left at version 1", failure.Message, StringComparison.Ordinal);
        using var raw = new LiteDatabase(path);
        Assert.Equal(1, raw.UserVersion);
        Assert.Equal(1, raw.GetCollection("a").Count());
        Assert.Equal(0, raw.GetCollection("b").Count());
    }

    [Fact]
    public void Write_commits_and_an_exception_rolls_everything_back()
    {
        using var database = new SeedreamDatabase(_folder.File("tx.db"));

        var id = database.Write(db => db.GetCollection("items").Insert(new BsonDocument { ["name"] = "kept" }));
        Assert.Throws<InvalidOperationException>(() => database.Write(db =>
        {
            db.GetCollection("items").Insert(new BsonDocument { ["name"] = "lost" });
            db.GetCollection("items").Delete(id);
            throw new InvalidOperationException("abort");
        }));

        var names = database.Read(db => db.GetCollection("items").FindAll().Select(d => d["name"].AsString).ToList());
        Assert.Equal(["kept"], names);
    }

    [Fact]
    public void A_nested_write_joins_the_outer_transaction()
    {
        using var database = new SeedreamDatabase(_folder.File("nested.db"));

        Assert.Throws<InvalidOperationException>(() => database.Write(db =>
        {
            database.Write(inner => inner.GetCollection("items").Insert(new BsonDocument { ["name"] = "inner" }));
            throw new InvalidOperationException("outer fails after the inner write");
        }));
        database.Write(db =>
        {
            db.GetCollection("items").Insert(new BsonDocument { ["name"] = "outer" });
            database.Write(inner => inner.GetCollection("items").Insert(new BsonDocument { ["name"] = "inner" }));
        });

        var names = database.Read(db => db.GetCollection("items").FindAll().Select(d => d["name"].AsString).Order().ToList());
        Assert.Equal(["inner", "outer"], names);
    }

    [Fact]
    public void Concurrent_writes_are_serialized_and_none_is_lost()
    {
        using var database = new SeedreamDatabase(_folder.File("counter.db"));
        database.Write(db => db.GetCollection("counter").Insert(new BsonDocument { ["_id"] = 1, ["n"] = 0 }));

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 50; i++)
            {
                database.Write(db =>
                {
                    var counter = db.GetCollection("counter");
                    var doc = counter.FindById(1);
                    doc["n"] = doc["n"].AsInt32 + 1;
                    counter.Update(doc);
                });
            }
        });

        Assert.Equal(400, database.Read(db => db.GetCollection("counter").FindById(1)["n"].AsInt32));
    }

    [Fact]
    public void IsWritable_is_true_for_an_open_database_and_false_once_it_is_closed()
    {
        var database = new SeedreamDatabase(_folder.File("probe.db"));
        Assert.True(database.IsWritable());

        database.Dispose();

        Assert.False(database.IsWritable());
    }

    [Fact]
    public void A_second_instance_on_the_same_file_is_refused_with_advice()
    {
        var path = _folder.File("locked.db");
        using var first = new SeedreamDatabase(path);

        var refused = Assert.Throws<IOException>(() => new SeedreamDatabase(path));

        Assert.Contains("no other SeedreamBot process uses the same Storage:DatabasePath", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_advice()
    {
        var path = _folder.File("garbage.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 2 * LiteDbFileRepair.PageSize).Select(i => (byte)(i * 7)).ToArray());

        var refused = Assert.Throws<IOException>(() => new SeedreamDatabase(path));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a SeedreamBot database or is damaged", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_data_survives_close_and_reopen()
    {
        var path = _folder.File("reopen.db");
        using (var database = new SeedreamDatabase(path))
        {
            database.Write(db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = "a", ["v"] = 1 }));
        }

        using var reopened = new SeedreamDatabase(path);
        Assert.Equal(1, reopened.Read(db => db.GetCollection("items").FindById("a")["v"].AsInt32));
    }

    [Fact]
    public void A_half_written_last_log_page_is_dropped_and_committed_data_is_kept()
    {
        var path = _folder.File("torn.db");
        var log = LiteDbFileRepair.LogPathOf(path);
        using (var data = new MemoryStream())
        using (var logStream = new MemoryStream())
        {
            // A database that is never closed: its files as a killed process leaves them.
            var live = new LiteDatabase(data, mapper: null, logStream: logStream);
            live.GetCollection("items").Insert(new BsonDocument { ["_id"] = "a", ["v"] = 1 });
            live.GetCollection("items").Insert(new BsonDocument { ["_id"] = "b", ["v"] = 2 });
            LiteDbCommitBarrier.Attach(live).WaitUntilWritten();
            File.WriteAllBytes(path, data.ToArray());
            File.WriteAllBytes(log, [.. logStream.ToArray(), .. Enumerable.Range(0, LiteDbFileRepair.PageSize / 2).Select(i => (byte)(i % 251))]);
            GC.KeepAlive(live);
        }

        Assert.NotEqual(0, new FileInfo(log).Length % LiteDbFileRepair.PageSize);

        using var recovered = new SeedreamDatabase(path);
        Assert.Equal(0, new FileInfo(log).Length % LiteDbFileRepair.PageSize);
        Assert.Equal([1, 2], recovered.Read(db => db.GetCollection("items").FindAll().Select(d => d["v"].AsInt32).Order().ToList()));
    }
}
