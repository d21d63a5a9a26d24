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
}
