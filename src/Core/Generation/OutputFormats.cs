using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Generation;

/// <summary>Wire values, parsing and file naming for <see cref="OutputFormat"/> (<c>png</c>, <c>jpg</c>).</summary>
public static class OutputFormats
{
    /// <summary>Seedream's own default when no format is given.</summary>
    public const OutputFormat Default = OutputFormat.Png;

    /// <summary>The wire values, in the order users see them.</summary>
    public static IReadOnlyList<string> WireValues { get; } = ["png", "jpg"];

    /// <summary>The value Apiframe expects in <c>seedreamParams.output_format</c>.</summary>
    public static string ToWire(this OutputFormat format) => format switch
    {
        OutputFormat.Png => "png",
        OutputFormat.Jpg => "jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };

    /// <summary>The media type of a file in this format.</summary>
    public static string ToMediaType(this OutputFormat format) => format switch
    {
        OutputFormat.Png => "image/png",
        OutputFormat.Jpg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };

    /// <summary>
    /// Parses <c>png</c>/<c>jpg</c> case-insensitively, ignoring surrounding whitespace and a leading dot.
    /// <c>jpeg</c> is accepted too: people type it, and Apiframe calls the same format <c>jpg</c>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out OutputFormat format)
    {
        switch (value?.Trim().TrimStart('.').ToUpperInvariant())
        {
            case "PNG":
                format = OutputFormat.Png;
                return true;
            case "JPG" or "JPEG":
                format = OutputFormat.Jpg;
                return true;
            default:
                format = Default;
                return false;
        }
    }
}
