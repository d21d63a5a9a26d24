namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>Peak memory with many large results in flight.</summary>
/// <param name="Generations">Large-result generations started at once.</param>
/// <param name="Failed">Those that ended in a failure message.</param>
/// <param name="ImageBytes">Size of one result.</param>
/// <param name="MaxConcurrentJobs">The bot's limit on jobs at Apiframe at once (which bounds images in flight).</param>
/// <param name="BaselineBytes">Resident memory just before the burst (after a warm-up).</param>
/// <param name="PeakBytes">Peak resident memory during the burst.</param>
/// <param name="PeakImagesInFlight">Most images at once between "download started" and "upload received".</param>
internal sealed record LargeResultResult(
    int Generations,
    int Failed,
    int ImageBytes,
    int MaxConcurrentJobs,
    long BaselineBytes,
    long PeakBytes,
    int PeakImagesInFlight)
{
    public long PeakBytesInFlight => (long)PeakImagesInFlight * ImageBytes;

    /// <summary>Memory the burst added, in copies of the image bytes in flight (an upper bound: both peaks need not coincide).</summary>
    public double CopiesPerImage => PeakBytesInFlight > 0 ? (double)(PeakBytes - BaselineBytes) / PeakBytesInFlight : 0;
}
