using System.Buffers.Binary;

namespace SeedreamBot.Core.Images;

/// <summary>
/// What an image's header declares: its kind, pixel size and whether it may be transparent. Read from the first
/// bytes only, before any decoder sees the file, so a decompression bomb (a small file declaring a huge canvas) is
/// refused without allocating it.
/// </summary>
public readonly record struct ImageHeader(ImageKind Kind, int Width, int Height, bool HasAlpha)
{
    public long Pixels => (long)Width * Height;

    /// <summary>Reads the header of a PNG, JPEG, WebP or GIF; false for anything else or a truncated header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out ImageHeader header)
    {
        header = default;
        var kind = ImageKinds.Sniff(data);
        var read = kind switch
        {
            ImageKind.Png => ReadPng(data),
            ImageKind.Jpeg => ReadJpeg(data),
            ImageKind.WebP => ReadWebP(data),
            ImageKind.Gif => ReadGif(data),
            _ => null,
        };
        if (read is not { Width: > 0, Height: > 0 } found)
        {
            return false;
        }

        header = found;
        return true;
    }

    private static ImageHeader? ReadPng(ReadOnlySpan<byte> data)
    {
        // Signature, then the IHDR chunk must come first: length 13, type, width, height, depth, colour type.
        if (data.Length < 26 || BinaryPrimitives.ReadInt32BigEndian(data[8..]) != 13 || !data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
        var colourType = data[25];
        return new ImageHeader(ImageKind.Png, width, height, HasAlpha: colourType is 4 or 6 || HasTransparencyChunk(data));
    }

    /// <summary>A tRNS chunk (transparency for palette and grey/RGB images) comes before the first IDAT.</summary>
    private static bool HasTransparencyChunk(ReadOnlySpan<byte> data)
    {
        var position = 8;
        while (position + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (type.SequenceEqual("tRNS"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || length < 0)
            {
                return false;
            }

            position += 12 + length;
        }

        return false;
    }

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2; // markers without a length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2)
            {
                return null;
            }

            // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (position + 9 > data.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return new ImageHeader(ImageKind.Jpeg, width, height, HasAlpha: false);
            }

            if (marker == 0xDA)
            {
                return null; // scan data before any frame header
            }

            position += 2 + length;
        }

        return null;
    }

    private static ImageHeader? ReadWebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }

        var chunk = data.Slice(12, 4);
        var payload = data[20..];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (payload[4] | (payload[5] << 8) | (payload[6] << 16));
            var height = 1 + (payload[7] | (payload[8] << 8) | (payload[9] << 16));
            return new ImageHeader(ImageKind.WebP, width, height, HasAlpha: (payload[0] & 0x10) != 0);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (payload[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return new ImageHeader(ImageKind.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, HasAlpha: ((bits >> 28) & 1) != 0);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                return null;
            }

            var width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
            return new ImageHeader(ImageKind.WebP, width, height, HasAlpha: false);
        }

        return null;
    }

    private static ImageHeader? ReadGif(ReadOnlySpan<byte> data) =>
        data.Length < 10
            ? null
            : new ImageHeader(ImageKind.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]), HasAlpha: true);
}
