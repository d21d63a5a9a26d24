namespace SeedreamBot.Core.Credits;

/// <summary>
/// An open hold: credits set aside for one generation, split by the pot they came from. <see cref="FromServerPool"/>
/// says whether the server's pool holds the same amount (holds placed before server budgets existed do not).
/// </summary>
public sealed record CreditHold(
    string GenerationId,
    CreditScope Scope,
    int Amount,
    int FromAllowance,
    int FromBonus,
    DateTimeOffset PlacedAt,
    bool FromServerPool = false);
