using System.ComponentModel.DataAnnotations;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Credits;

/// <summary>The credit quota rules (configuration section <c>Credits</c>). Guilds can override some of them.</summary>
public sealed class CreditOptions : IValidatableObject
{
    public const string SectionName = "Credits";

    /// <summary>Credits per period for a member with no override, no role allowance and no guild default.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Credits:DefaultAllowance must be between 0 and 1,000,000 (credits per period).")]
    public int DefaultAllowance { get; set; } = 40;

    /// <summary>How often allowances refill, unless a guild overrides it.</summary>
    public RefillPeriod RefillPeriod { get; set; } = RefillPeriod.Daily;

    /// <summary>IANA time zone whose midnight starts a period (weeks start on Monday, months on the 1st).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Credits one generation costs (Apiframe charges 4 for Seedream 5 Lite).</summary>
    [Range(1, 1000, ErrorMessage = "Credits:CostPerGeneration must be between 1 and 1000.")]
    public int CostPerGeneration { get; set; } = 4;

    /// <summary>Optional cost per output size, keyed by the wire value (<c>2K</c>, <c>3K</c>); others cost <see cref="CostPerGeneration"/>.</summary>
    public Dictionary<string, int> CostPerSize { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Credits per period in direct messages, a scope of its own; 0 turns direct-message use off.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Credits:DirectMessageAllowance must be between 0 (off) and 1,000,000.")]
    public int DirectMessageAllowance { get; set; }

    /// <summary>The largest amount one moderator command may grant, take, set or allow.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Credits:MaxAdjustment must be between 1 and 1,000,000.")]
    public int MaxAdjustment { get; set; } = 10_000;

    /// <summary>Role ids whose members may use the quota commands, besides Manage Server and Administrator.</summary>
    public List<ulong> ModeratorRoleIds { get; set; } = [];

    /// <summary>The configured time zone. Only valid after validation.</summary>
    public TimeZoneInfo ResolveTimeZone() => System.TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || !System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                "Credits:TimeZone is not a time zone this machine knows. Use an IANA id such as " +
                "Europe/Berlin, America/New_York or UTC (env Credits__TimeZone).",
                [nameof(TimeZone)]);
        }

        if (!Enum.IsDefined(RefillPeriod))
        {
            yield return new ValidationResult(
                "Credits:RefillPeriod must be Daily, Weekly, Monthly or Never.", [nameof(RefillPeriod)]);
        }

        foreach (var (size, cost) in CostPerSize)
        {
            if (!CreditCosts.TryParseSize(size, out _))
            {
                yield return new ValidationResult(
                    $"Credits:CostPerSize:{size} names an unknown size. Use 2K or 3K, for example Credits:CostPerSize:3K = 6.",
                    [nameof(CostPerSize)]);
            }
            else if (cost is < 1 or > 1000)
            {
                yield return new ValidationResult(
                    $"Credits:CostPerSize:{size} must be between 1 and 1000 (it is {cost}).", [nameof(CostPerSize)]);
            }
        }
    }

    /// <summary>The wire value of a size as used in <see cref="CostPerSize"/>.</summary>
    internal static string SizeKey(ImageSize size) => size switch
    {
        ImageSize.TwoK => "2K",
        ImageSize.ThreeK => "3K",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown image size."),
    };
}
