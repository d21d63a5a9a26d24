using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Credits;

/// <summary>What one generation costs in credits.</summary>
public interface ICreditPricing
{
    int CostOf(ImageSize size);
}
