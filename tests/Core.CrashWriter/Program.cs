using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.CrashWriter;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

// Usage:
//   run   <database path> <seed> [threads]       random ledger operations forever, one line per committed one
//                                                (several threads: group commits with several writes in flight)
//   bench <database path> <pairs> <threads>      durable hold+settle pairs per second
if (args.Length < 2 || args[0] is not ("run" or "bench"))
{
    await Console.Error.WriteLineAsync("usage: run <db> <seed> [threads] | bench <db> <pairs> <threads>");
    return 2;
}

var options = Options.Create(args[0] == "bench"
    ? new CreditOptions { DefaultAllowance = 1_000_000 }
    : new CreditOptions { DefaultAllowance = 40, DirectMessageAllowance = 8 });

// The run's servers have small pools, so crashes land while pools run dry and refuse; the bench's never run dry.
var budgets = Options.Create(args[0] == "bench"
    ? new OperatorOptions { DefaultServerBudget = OperatorOptions.MaxBudget }
    : new OperatorOptions { DefaultServerBudget = 300, ServerBudgetPeriod = RefillPeriod.Daily });
using var database = new SeedreamDatabase(args[1]);
var ledger = new CreditLedger(database, options, TimeProvider.System, NullLogger<CreditLedger>.Instance, budgets);
var moderation = new CreditModeration(database, options, TimeProvider.System, NullLogger<CreditModeration>.Instance, budgets);
var servers = new ServerStore(database, TimeProvider.System);

if (args[0] == "bench")
{
    var pairs = int.Parse(args[2], CultureInfo.InvariantCulture);
    var threads = int.Parse(args[3], CultureInfo.InvariantCulture);
    var perThread = pairs / threads;
    var members = Enumerable.Range(1, threads)
        .Select(i => new CreditMember(new CreditScope(7, (ulong)i), []))
        .ToArray();
    if (pairs > options.Value.DefaultAllowance)
    {
        throw new ArgumentOutOfRangeException(nameof(args), "At most 1,000,000 pairs per run.");
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
    {
        for (var i = 0; i < perThread; i++)
        {
            var generation = $"bench-{t}-{i}";
            if (ledger.TryHold(members[t], generation, 1).Status != HoldStatus.Placed || ledger.Settle(generation) is null)
            {
                throw new InvalidOperationException($"Pair {generation} failed.");
            }
        }
    });
    clock.Stop();
    var done = perThread * threads;
    var cpuPerPair = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / done;

    // CPU time per pair tells the CPU-bound ceiling even on a busy machine, where wall-clock rates mislead.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{done} durable hold+settle pairs on {threads} thread(s) in {clock.Elapsed.TotalSeconds:0.00} s: " +
        $"{done / clock.Elapsed.TotalSeconds:0} pairs/s; {cpuPerPair:0} µs CPU per pair"));
    return 0;
}

var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
var workers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var output = new OperationReport(Console.Out, database);

// Each thread works on its own members, so the state a line reports is never changed by another thread.
using var together = workers > 1 ? new Barrier(workers) : null;
var writers = Enumerable.Range(0, workers)
    .Select(worker => new Thread(() => new RandomLedgerWorkload(ledger, moderation, servers, seed, worker, output, together).Run()) { IsBackground = true })
    .ToList();
writers.ForEach(thread => thread.Start());
writers.ForEach(thread => thread.Join());
return 0;
