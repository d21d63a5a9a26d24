namespace SeedreamBot.Bench.Micro.Reporting;

/// <summary>One benchmark's outcome, per operation.</summary>
/// <param name="Benchmark">"Class: description".</param>
/// <param name="Method">The benchmark method's name.</param>
/// <param name="MeanNanoseconds">Mean time per operation; null when it did not run.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation; null when unknown.</param>
public sealed record MicroResult(string Benchmark, string Method, double? MeanNanoseconds, long? AllocatedBytes)
{
    public double? OperationsPerSecond => MeanNanoseconds is > 0 ? 1e9 / MeanNanoseconds : null;
}
