namespace SeedreamBot.Core.Images;

/// <summary>The checks every image passes before anything decodes it: its bytes say it is an image, and not too large a one.</summary>
public static class ImageChecks
{
    /// <summary>No image above 50 megapixels is decoded (a 3K result is under 10).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Null and the header when the bytes are a PNG, JPEG, WebP or GIF of at most <see cref="MaxPixels"/>; else why not.</summary>
    public static ImageProblem? Check(ReadOnlySpan<byte> data, out ImageHeader header)
    {
        if (!ImageHeader.TryRead(data, out header))
        {
            return ImageProblem.NotAnImage;
        }

        return header.Pixels > MaxPixels ? ImageProblem.TooManyPixels : null;
    }
}
