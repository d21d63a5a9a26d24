namespace SeedreamBot.Core.Jobs;

/// <summary>What the start-up reconciliation did.</summary>
public sealed record RecoverySummary(int Settled, int Released, int Resumed);
