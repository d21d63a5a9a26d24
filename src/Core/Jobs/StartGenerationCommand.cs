using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Everything needed to start one generation: what, for whom, and where to show it. <paramref name="Inputs"/> says
/// where each of the request's input links lives, in the same order (empty: nothing to reuse them from).
/// </summary>
public sealed record StartGenerationCommand(
    GenerationOrigin Origin,
    CreditMember Member,
    GenerationRequest Request,
    DeliveryTarget Target,
    string? ParentId = null,
    IReadOnlyList<GenerationInput>? Inputs = null);
