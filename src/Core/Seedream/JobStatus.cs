namespace SeedreamBot.Core.Seedream;

/// <summary>Apiframe job states (<c>QUEUED</c>, <c>PROCESSING</c>, <c>COMPLETED</c>, <c>FAILED</c>, <c>CANCELLED</c>).</summary>
public enum JobStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
