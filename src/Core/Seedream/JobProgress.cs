namespace SeedreamBot.Core.Seedream;

/// <summary>A progress report while a job runs.</summary>
/// <param name="Status">The job's state at the last poll.</param>
/// <param name="Percent">0–100.</param>
public readonly record struct JobProgress(JobStatus Status, int Percent);
