namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>One library's numbers, as the child process reports them to the parent.</summary>
internal sealed record MeasureResult(
    string Library,
    double JpegFirstMs,
    double JpegMedianMs,
    long JpegBytes,
    double WebpMedianMs,
    long WebpBytes,
    long PeakAddedBytes,
    long WorstCasePeakAddedBytes,
    long ManagedAllocatedPerFit,
    double WorstCaseMs,
    long WorstCaseBytes,
    string NativeFiles);
