using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Generation;

/// <summary>The aspect ratios Seedream 5 Lite accepts: eight fixed ratios, or the first input image's shape.</summary>
public static class AspectRatios
{
    public const string MatchInputImage = "match_input_image";

    public const string Square = "1:1";

    /// <summary>The fixed ratios, in the order users see them.</summary>
    public static IReadOnlyList<string> Fixed { get; } = ["1:1", "4:3", "3:4", "16:9", "9:16", "3:2", "2:3", "21:9"];

    /// <summary>Every accepted value: the fixed ratios and <see cref="MatchInputImage"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Fixed, MatchInputImage];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    /// <summary>The ratio used when the member gives none: the input image's shape if there is one, else square.</summary>
    public static string DefaultFor(int inputImageCount) => inputImageCount > 0 ? MatchInputImage : Square;

    /// <summary>
    /// Turns what a member typed into a wire value: case-insensitive, whitespace ignored, and <c>16x9</c> read as
    /// <c>16:9</c> because that is how many people write ratios.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? aspectRatio)
    {
        aspectRatio = null;
        if (value is null)
        {
            return false;
        }

        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (compact.Count(c => c == 'x') == 1 && !compact.Contains(':', StringComparison.Ordinal))
        {
            compact = compact.Replace('x', ':');
        }

        if (!IsKnown(compact))
        {
            return false;
        }

        aspectRatio = compact;
        return true;
    }
}
