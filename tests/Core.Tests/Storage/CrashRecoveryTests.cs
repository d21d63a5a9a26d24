using System.Collections.Concurrent;
using System.Diagnostics;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Storage;

/// <summary>
/// Kills a process that is writing to the ledger, at several points, and checks that the file opens, that every
/// operation the process reported as committed is there, and that the ledger's invariants hold.
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
            var lines = await RunAndKill(path, seed: 1000 + round, killAfter[round]);
            Assert.True(lines.Count >= killAfter[round], $"round {round}: only {lines.Count} operations before the kill");
            reported.AddRange(lines);

            using var database = new SeedreamDatabase(path);
            AssertAllPresent(database, reported);
            Assert.Empty(new CreditLedgerAudit(database).FindProblems());
        }
    }

    private static async Task<List<string>> RunAndKill(string path, int seed, int killAfter)
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
        foreach (var line in reported)
        {
            var parts = line.Split(' ', 2);
            switch (parts[0])
            {
                case "hold":
                    holdStates[parts[1]] = CreditHoldDocuments.Open;
                    break;
                case "settle":
                    holdStates[parts[1]] = CreditHoldDocuments.Settled;
                    break;
                case "release":
                    holdStates[parts[1]] = CreditHoldDocuments.Released;
                    break;
                case "grant" or "take":
                    reasons.Add((parts[0], parts[1]));
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
}
