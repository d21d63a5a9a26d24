namespace SeedreamBot.Core.Credits;

/// <summary>A member's settled spending in a window.</summary>
public sealed record CreditSpender(ulong UserId, int Spent, int Images);
