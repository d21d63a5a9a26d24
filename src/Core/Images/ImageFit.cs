namespace SeedreamBot.Core.Images;

/// <summary>
/// An image made to fit a byte limit: the original when it already did, else a re-encoded copy; or why it could not be.
/// </summary>
public sealed record ImageFit
{
    public ImageProblem? Problem { get; init; }

    /// <summary>What the original's header declared (default when it was not an image).</summary>
    public ImageHeader Original { get; init; }

    public long OriginalBytes { get; init; }

    /// <summary>The bytes to deliver: the original, or the re-encoded copy.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    public ImageKind Kind { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>The encoder quality used; null when the original is delivered as it is.</summary>
    public int? Quality { get; init; }

    public bool Succeeded => Problem is null;

    public bool Reencoded => Succeeded && Quality is not null;

    public bool Downscaled => Succeeded && (Width < Original.Width || Height < Original.Height);

    public static ImageFit Failed(ImageProblem problem, ImageHeader original, long originalBytes) =>
        new() { Problem = problem, Original = original, OriginalBytes = originalBytes };
}
