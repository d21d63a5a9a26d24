namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>What complete generations cost the bot, per generation.</summary>
/// <param name="Generations">Measured generations (all started at once, after a warm-up).</param>
/// <param name="Failed">Generations that ended in a failure message instead of an image.</param>
/// <param name="JobDuration">The fake Apiframe's job time.</param>
/// <param name="ImageBytes">Size of each result image.</param>
/// <param name="MeanWallTime">From the dispatch to the result in <c>@original</c>, averaged.</param>
/// <param name="CpuPerGeneration">The bot's CPU time over the measured window, divided by the generations.</param>
/// <param name="DiscordCallsPerGeneration">Discord REST calls per generation (callback, edits, delivery).</param>
/// <param name="RateLimited">Discord calls answered 429 in the measured window (each is retried, and counted in the calls).</param>
/// <param name="ApiframeCallsPerGeneration">Apiframe API calls per generation (submit, polls, account).</param>
/// <param name="CdnDownloadsPerGeneration">Result downloads from Apiframe's CDN per generation.</param>
/// <param name="MeanPolls">Status polls per job, averaged.</param>
/// <param name="MaxPolls">Status polls of the most-polled job.</param>
/// <param name="MeanProgressEdits">Progress edits per job (not counting the delivery), averaged.</param>
/// <param name="MaxProgressEdits">Progress edits of the most-edited job.</param>
/// <param name="MinProgressEditGap">The shortest time between two progress edits of one message (null when no message had two).</param>
/// <param name="MeanQueueEdits">Queue-position edits per job, averaged.</param>
/// <param name="MinEditGap">The shortest time between any two edits (progress or queue position) of one message.</param>
/// <param name="PeakWorkingSetBytes">The bot's peak resident memory over its life (VmHWM).</param>
/// <param name="Stages">Where the wall time goes beside the job itself, averaged.</param>
internal sealed record GenerationCostResult(
    int Generations,
    int Failed,
    TimeSpan JobDuration,
    int ImageBytes,
    TimeSpan MeanWallTime,
    TimeSpan CpuPerGeneration,
    double DiscordCallsPerGeneration,
    int RateLimited,
    double ApiframeCallsPerGeneration,
    double CdnDownloadsPerGeneration,
    double MeanPolls,
    int MaxPolls,
    double MeanProgressEdits,
    int MaxProgressEdits,
    TimeSpan? MinProgressEditGap,
    double MeanQueueEdits,
    TimeSpan? MinEditGap,
    long PeakWorkingSetBytes,
    GenerationStages Stages)
{
    /// <summary>CPU per generation as a share of the generation's wall time.</summary>
    public double CpuShareOfWallTime => MeanWallTime > TimeSpan.Zero ? CpuPerGeneration / MeanWallTime : 0;
}
