using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Jobs;

/// <summary>Everything needed to start one generation: what, for whom, and where to show it.</summary>
public sealed record StartGenerationCommand(
    GenerationOrigin Origin,
    CreditMember Member,
    GenerationRequest Request,
    DeliveryTarget Target,
    string? ParentId = null);
