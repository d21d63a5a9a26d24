namespace SeedreamBot.Core.Jobs;

/// <summary>One page of a member's generations, newest first.</summary>
public sealed record GenerationHistoryPage(IReadOnlyList<GenerationRecord> Items, int Page, int Pages, int Total);
