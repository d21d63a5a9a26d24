using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Generation;

/// <summary>Wire values and parsing for <see cref="ImageSize"/> (<c>2K</c>, <c>3K</c>).</summary>
public static class ImageSizes
{
    /// <summary>Seedream's own default when no size is given.</summary>
    public const ImageSize Default = ImageSize.TwoK;

    /// <summary>The wire values, in the order users see them.</summary>
    public static IReadOnlyList<string> WireValues { get; } = ["2K", "3K"];

    /// <summary>The value Apiframe expects in <c>seedreamParams.size</c>.</summary>
    public static string ToWire(this ImageSize size) => size switch
    {
        ImageSize.TwoK => "2K",
        ImageSize.ThreeK => "3K",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown image size."),
    };

    /// <summary>Parses <c>2K</c>/<c>3K</c> case-insensitively, ignoring surrounding whitespace.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ImageSize size)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "2K":
                size = ImageSize.TwoK;
                return true;
            case "3K":
                size = ImageSize.ThreeK;
                return true;
            default:
                size = Default;
                return false;
        }
    }
}
