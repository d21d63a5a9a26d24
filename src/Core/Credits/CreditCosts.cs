using Microsoft.Extensions.Options;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Credits;

/// <summary>Costs from <see cref="CreditOptions"/>: the per-size override when set, else the cost per generation.</summary>
public sealed class CreditCosts : ICreditPricing
{
    private readonly CreditOptions _options;

    public CreditCosts(IOptions<CreditOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public int CostOf(ImageSize size)
    {
        var key = CreditOptions.SizeKey(size);
        foreach (var (configured, cost) in _options.CostPerSize)
        {
            if (string.Equals(configured, key, StringComparison.OrdinalIgnoreCase))
            {
                return cost;
            }
        }

        return _options.CostPerGeneration;
    }

    /// <summary>Every size with its cost, for the settings view.</summary>
    public IReadOnlyDictionary<ImageSize, int> All() =>
        Enum.GetValues<ImageSize>().ToDictionary(size => size, CostOf);

    internal static bool TryParseSize(string value, out ImageSize size)
    {
        foreach (var candidate in Enum.GetValues<ImageSize>())
        {
            if (string.Equals(CreditOptions.SizeKey(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                size = candidate;
                return true;
            }
        }

        size = default;
        return false;
    }
}
