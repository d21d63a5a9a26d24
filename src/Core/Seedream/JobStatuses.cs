namespace SeedreamBot.Core.Seedream;

/// <summary>Wire values of <see cref="JobStatus"/>.</summary>
public static class JobStatuses
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Queued => "QUEUED",
        JobStatus.Processing => "PROCESSING",
        JobStatus.Completed => "COMPLETED",
        JobStatus.Failed => "FAILED",
        JobStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown job status."),
    };

    /// <summary>Parses Apiframe's upper-case status names (case-insensitively; <c>CANCELED</c> counts too).</summary>
    public static bool TryParse(string? value, out JobStatus status)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "QUEUED":
                status = JobStatus.Queued;
                return true;
            case "PROCESSING":
                status = JobStatus.Processing;
                return true;
            case "COMPLETED":
                status = JobStatus.Completed;
                return true;
            case "FAILED":
                status = JobStatus.Failed;
                return true;
            case "CANCELLED" or "CANCELED":
                status = JobStatus.Cancelled;
                return true;
            default:
                status = default;
                return false;
        }
    }

    /// <summary>True once the job will not change any more.</summary>
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
