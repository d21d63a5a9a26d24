using BenchmarkDotNet.Running;
using SeedreamBot.Bench.Micro;
using SeedreamBot.Bench.Micro.Reporting;

// Usage: [--quick] [--out <dir>] [BenchmarkDotNet options, e.g. --filter *Ledger*]
var quick = args.Contains("--quick");
string? output = null;
var passThrough = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--quick")
    {
        continue;
    }

    if (args[i] == "--out" && i + 1 < args.Length)
    {
        output = args[++i];
        continue;
    }

    passThrough.Add(args[i]);
}

// Without a filter BenchmarkDotNet would ask interactively which benchmarks to run.
if (!passThrough.Contains("--filter"))
{
    passThrough.AddRange(["--filter", "*"]);
}

var artifacts = Path.Combine(output ?? Path.GetTempPath(), "BenchmarkDotNet.Artifacts");
var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly)
    .Run([.. passThrough], MicroConfig.Create(quick, artifacts));
var report = new MicroReport(MicroConfig.Results(summaries), quick);

if (output is not null)
{
    Directory.CreateDirectory(output);
    await File.WriteAllTextAsync(Path.Combine(output, MicroReport.TargetsFile), report.TargetRows()).ConfigureAwait(false);
    await File.WriteAllTextAsync(Path.Combine(output, MicroReport.DetailsFile), report.Details()).ConfigureAwait(false);
}

Console.WriteLine();
Console.Write(report.TargetRows());
Console.WriteLine();
Console.Write(report.Details());
return report.Results.Count > 0 && report.Results.All(r => r.MeanNanoseconds is not null) ? 0 : 1;
