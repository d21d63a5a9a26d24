namespace SeedreamBot.Core.Images;

/// <summary>Why bytes are not an image the bot will open.</summary>
public enum ImageProblem
{
    /// <summary>Not a PNG, JPEG, WebP or GIF by its bytes (whatever its Content-Type said), or a broken header.</summary>
    NotAnImage,

    /// <summary>Its header declares more than <see cref="ImageChecks.MaxPixels"/>: a decompression bomb, or simply too big.</summary>
    TooManyPixels,

    /// <summary>The image library could not decode it, or found a different size than its header declared.</summary>
    Undecodable,

    /// <summary>Even at the lowest quality and a small size it stays over the byte limit.</summary>
    CannotFit,
}
