namespace SeedreamBot.Core.Credits;

/// <summary>An open hold: credits set aside for one generation, split by the pot they came from.</summary>
public sealed record CreditHold(
    string GenerationId,
    CreditScope Scope,
    int Amount,
    int FromAllowance,
    int FromBonus,
    DateTimeOffset PlacedAt);
