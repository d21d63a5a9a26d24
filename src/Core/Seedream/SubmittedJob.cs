namespace SeedreamBot.Core.Seedream;

/// <summary>Apiframe accepted the generation (202, or the original job on an idempotent replay).</summary>
public sealed record SubmittedJob(string JobId, JobStatus Status);
