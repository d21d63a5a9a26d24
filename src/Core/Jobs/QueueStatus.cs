namespace SeedreamBot.Core.Jobs;

/// <summary>Where a waiting generation stands: its 1-based place in line and when it should be done.</summary>
public readonly record struct QueueStatus(int Position, int Waiting, TimeSpan EstimatedWait);
