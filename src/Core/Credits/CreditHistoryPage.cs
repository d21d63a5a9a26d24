namespace SeedreamBot.Core.Credits;

/// <summary>One page of ledger entries, newest first.</summary>
/// <param name="Entries">The entries on this page.</param>
/// <param name="Page">The page shown, 1-based (a request past the end shows the last page).</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="TotalEntries">Entries on all pages.</param>
public sealed record CreditHistoryPage(IReadOnlyList<CreditEntry> Entries, int Page, int PageSize, int TotalEntries)
{
    public int TotalPages => Math.Max(1, (TotalEntries + PageSize - 1) / PageSize);
}
