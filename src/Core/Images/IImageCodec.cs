namespace SeedreamBot.Core.Images;

/// <summary>
/// The image library, behind the two things the bot asks of it. Callers check <see cref="ImageHeader"/> first (kind,
/// pixel limit); implementations decode only what that header declared and throw <see cref="ImageDecodeException"/>
/// when the file disagrees with it or cannot be decoded.
/// </summary>
public interface IImageCodec
{
    /// <summary>The pixel size the library reads from the file, without decoding its pixels.</summary>
    (int Width, int Height) Identify(ReadOnlyMemory<byte> image);

    /// <summary>
    /// Decodes <paramref name="image"/> (declared as <paramref name="header"/>), scales it down to
    /// <paramref name="width"/> × <paramref name="height"/> when that is smaller, and encodes it as
    /// <paramref name="format"/> (JPEG or WebP) at <paramref name="quality"/> (1–100).
    /// </summary>
    byte[] Encode(ReadOnlyMemory<byte> image, ImageHeader header, ImageKind format, int quality, int width, int height);
}
