using System.Collections.Concurrent;
using System.Diagnostics;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Storage;

/// <summary>
/// Kills a process that is writing to the ledger, at several points, and checks that the file opens, that every
/// operation the process reported as committed is there, and that the ledger's invariants hold. A killed process
/// leaves its writes in the page cache, so surviving the kill cannot show a missing fsync: each reported operation
/// also carries the log's fsync counters, and must have been followed by an fsync covering its writes before it was
/// acknowledged (what a power cut would need).
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_committed_operation_survives_the_writer_being_killed()
    {
        var path = _folder.File("crash.db");
        var reported = new List<string>();

        // Different kill points; the same file each time, so later rounds also recover from earlier crashes.
        int[] killAfter = [1, 40, 300, 17, 900];
        for (var round = 0; round < killAfter.Length; round++)
        {
            var lines = await RunAndKill(path, seed: 1000 + round, killAfter[round], threads: 1);
            Assert.True(lines.Count >= killAfter[round], $"round {round}: only {lines.Count} operations before the kill");
            AssertEachFollowedByAnFsync(lines);
            reported.AddRange(lines);

            using var database = new SeedreamDatabase(path);
            AssertAllPresent(database, reported);
            Assert.Empty(new CreditLedgerAudit(database).FindProblems());
        }
    }

    [Fact]
    public async Task Every_committed_operation_survives_a_kill_in_the_middle_of_group_commits()
    {
        var path = _folder.File("group-crash.db");
        var reported = new List<string>();

        // Four writers: their writes share transactions and fsyncs, and the kill lands while several are in flight.
        int[] killAfter = [150, 600, 60];
        for (var round = 0; round < killAfter.Length; round++)
        {
            var lines = await RunAndKill(path, seed: 2000 + round, killAfter[round], threads: 4);
            AssertEachFollowedByAnFsync(lines);
            var operations = lines.Select(Parse).ToList();
            // Writes shared transactions before the kill (operators' budget changes commit too, unreported, so the
            // commit count proves nothing here; the writer counts writes that committed in a group with others).
            Assert.True(operations.Max(operation => operation.SharedWritesAfter) > 0,
                $"round {round}: no two writes shared a commit, so the kill did not land among group commits");
            reported.AddRange(lines);

            using var database = new SeedreamDatabase(path);
            AssertAllPresent(database, reported);
            Assert.Empty(new CreditLedgerAudit(database).FindProblems());
        }
    }

    /// <summary>
    /// Every acknowledged operation wrote to the log after it started, so an fsync must have ended after it started
    /// and covered at least one log write made after it started (its own). Deleting the fsync fails both.
    /// </summary>
    private static void AssertEachFollowedByAnFsync(List<string> lines)
    {
        foreach (var operation in lines.Select(Parse))
        {
            Assert.True(operation.SyncsAfter > operation.SyncsBefore,
                $"'{operation.Line}' was acknowledged without an fsync after it started");
            Assert.True(operation.DurableWritesAfter > operation.WritesBefore,
                $"'{operation.Line}' was acknowledged while none of its log writes was covered by an fsync");
        }
    }

    private static Operation Parse(string line)
    {
        var parts = line.Split(' ');
        Assert.True(parts.Length == 8, $"unexpected line from the writer: {line}");
        var numbers = parts[2..].Select(part => long.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Operation(line, parts[0], parts[1], numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
    }

    private static async Task<List<string>> RunAndKill(string path, int seed, int killAfter, int threads)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "SeedreamBot.Core.CrashWriter.dll");
        Assert.True(File.Exists(writer), $"the crash writer should be built beside the tests: {writer}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run it on the test's own runtime configuration and dependency list, which include the writer and every
        // framework it needs (the test output shares ASP.NET Core's framework copies instead of package files).
        var tests = typeof(CrashRecoveryTests).Assembly.Location;
        string[] arguments =
        [
            "exec", "--runtimeconfig", Path.ChangeExtension(tests, ".runtimeconfig.json"),
            "--depsfile", Path.ChangeExtension(tests, ".deps.json"),
            writer, "run", path, seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
        var lines = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = process.StandardError.ReadToEndAsync();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Enqueue(line);
                if (lines.Count >= killAfter)
                {
                    enough.TrySetResult();
                }
            }

            enough.TrySetResult();
        });

        var finished = await Task.WhenAny(enough.Task, Task.Delay(SafetyTimeout));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await reader;
        Assert.True(finished == enough.Task, $"the writer reported only {lines.Count} operations: {await errors}");
        Assert.True(lines.Count >= killAfter, $"the writer stopped early: {await errors}");
        return [.. lines];
    }

    private static void AssertAllPresent(SeedreamDatabase database, List<string> reported)
    {
        // The last reported state of each hold wins (hold, then maybe settle or release).
        var holdStates = new Dictionary<string, string>();
        var reasons = new List<(string Kind, string Reason)>();
        foreach (var (line, kind, key) in reported.Select(Parse).Select(operation => (operation.Line, operation.Kind, operation.Key)))
        {
            switch (kind)
            {
                case "hold":
                    holdStates[key] = CreditHoldDocuments.Open;
                    break;
                case "settle":
                    holdStates[key] = CreditHoldDocuments.Settled;
                    break;
                case "release":
                    holdStates[key] = CreditHoldDocuments.Released;
                    break;
                case "grant" or "take":
                    reasons.Add((kind, key));
                    break;
                default:
                    Assert.Fail($"unexpected line from the writer: {line}");
                    break;
            }
        }

        database.Read(db =>
        {
            var holds = CreditCollections.HoldsIn(db);
            foreach (var (generation, state) in holdStates)
            {
                var hold = holds.FindById(generation);
                Assert.True(hold is not null, $"reported hold {generation} is missing");

                // A hold reported open may have been closed by a later operation that committed but was not yet
                // reported when the process died; a hold reported closed must be closed that way.
                var stored = hold["st"].AsString;
                Assert.True(state == CreditHoldDocuments.Open || stored == state,
                    $"hold {generation} was reported {state} but is {stored}");
            }

            var entries = CreditCollections.EntriesIn(db).Find(LiteDB.Query.Not("r", LiteDB.BsonValue.Null))
                .Select(e => (e["k"].AsString, e["r"].AsString))
                .ToHashSet();
            foreach (var (kind, reason) in reasons)
            {
                Assert.True(entries.Contains((kind, reason)), $"reported {kind} '{reason}' is missing");
            }

            return true;
        });
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private sealed record Operation(
        string Line, string Kind, string Key, long SyncsBefore, long WritesBefore, long SyncsAfter, long DurableWritesAfter,
        long CommitsAfter, long SharedWritesAfter);
}
