namespace SeedreamBot.Fakes.Apiframe;

/// <summary>A file received on <c>POST /v2/uploads</c>, served from the fake CDN until it expires.</summary>
public sealed record FakeUploadedFile(
    string Id,
    byte[] Content,
    string ContentType,
    string Extension,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Apiframe's limit for image and audio uploads.</summary>
    public const int MaxImageBytes = 25 * 1000 * 1000;

    /// <summary>The image type by magic bytes, as Apiframe sniffs uploads and inputs; null for anything else.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(FakeImages.PngSignature))
        {
            return ("image/png", "png");
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ("image/jpeg", "jpg");
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ("image/webp", "webp");
        }

        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return ("image/gif", "gif");
        }

        return null;
    }
}
