namespace SeedreamBot.Core.Seedream;

/// <summary>What <c>GET /v2/me</c> says about the team behind the API key.</summary>
/// <param name="TeamCredits">Remaining credits, or null when the key has no team.</param>
/// <param name="TeamName">The team's name, when there is a team.</param>
/// <param name="Plan">The team's plan, when there is a team.</param>
public sealed record ApiframeAccount(long? TeamCredits, string? TeamName, string? Plan);
