using SeedreamBot.Core.Reliability;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Passes polling's status reports on to the throttled progress edits, and marks the <c>while-polling</c> fail point
/// at the first report: the job id is stored and Apiframe answered a status check.
/// </summary>
internal sealed class PollingProgress(IProgress<JobProgress> inner) : IProgress<JobProgress>
{
    public void Report(JobProgress value)
    {
        FailPoints.Reach(FailPointNames.WhilePolling);
        inner.Report(value);
    }
}
