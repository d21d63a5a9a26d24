using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SeedreamBot.Bench.Micro.Reporting;

namespace SeedreamBot.Bench.Micro;

/// <summary>
/// In-process benchmarks: BenchmarkDotNet's default toolchain would generate and build a project that rebuilds
/// src/ into its default obj folders, which clashes with anyone else building the same checkout.
/// </summary>
public static class MicroConfig
{
    public static IConfig Create(bool quick, string artifactsPath)
    {
        var job = (quick ? Job.ShortRun : Job.Default)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(quick ? "ShortRun" : "Default");
        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.JoinSummary);
    }

    /// <summary>One row per benchmark case, in the order they ran.</summary>
    public static IReadOnlyList<MicroResult> Results(IEnumerable<Summary> summaries) =>
        summaries
            .SelectMany(summary => summary.BenchmarksCases.Select(benchmark => (summary, benchmark)))
            .OrderBy(pair => pair.benchmark.Descriptor.Type.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.benchmark.Descriptor.MethodIndex)
            .ThenBy(pair => pair.benchmark.Parameters.DisplayInfo, StringComparer.Ordinal)
            .Select(pair =>
            {
                var (summary, benchmark) = pair;
                var report = summary[benchmark];
                var descriptor = benchmark.Descriptor;
                var parameters = benchmark.Parameters.Count == 0 ? "" : " (" + benchmark.Parameters.DisplayInfo.Trim('[', ']') + ")";
                var name = descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal) + ": " +
                    descriptor.WorkloadMethodDisplayInfo.Trim('\'', '"') + parameters;
                return new MicroResult(
                    name,
                    descriptor.WorkloadMethod.Name,
                    report?.ResultStatistics?.Mean,
                    report?.GcStats.GetBytesAllocatedPerOperation(benchmark));
            })
            .ToList();
}
