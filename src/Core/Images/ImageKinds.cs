namespace SeedreamBot.Core.Images;

/// <summary>Names of <see cref="ImageKind"/>s, and recognising them by their bytes.</summary>
public static class ImageKinds
{
    public static string MediaType(this ImageKind kind) => kind switch
    {
        ImageKind.Png => "image/png",
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.WebP => "image/webp",
        ImageKind.Gif => "image/gif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The file extension without a dot: <c>png</c>, <c>jpg</c>, <c>webp</c>, <c>gif</c>.</summary>
    public static string Extension(this ImageKind kind) => kind switch
    {
        ImageKind.Png => "png",
        ImageKind.Jpeg => "jpg",
        ImageKind.WebP => "webp",
        ImageKind.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What members read: PNG, JPEG, WebP, GIF.</summary>
    public static string DisplayName(this ImageKind kind) => kind switch
    {
        ImageKind.Png => "PNG",
        ImageKind.Jpeg => "JPEG",
        ImageKind.WebP => "WebP",
        ImageKind.Gif => "GIF",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind by magic number; null when the bytes start like none of them (whatever a server claimed).</summary>
    public static ImageKind? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Png.Signature))
        {
            return ImageKind.Png;
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageKind.Jpeg;
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageKind.WebP;
        }

        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return ImageKind.Gif;
        }

        return null;
    }

    private static class Png
    {
        public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    }
}
