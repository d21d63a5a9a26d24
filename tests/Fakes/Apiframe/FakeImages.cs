using System.Buffers.Binary;
using System.Text;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// Real, decodable images made from scratch: PNG (RGB, zlib with stored deflate blocks, CRC-32 per chunk) and baseline
/// grayscale JPEG. Sizes are controllable so tests can exceed an upload limit with a genuine image.
/// </summary>
public static class FakeImages
{
    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const int StoredBlockMax = 65535;

    private const int WideRowPixels = 512;

    /// <summary>A width × height RGB PNG: a gradient, or seeded noise (which no compressor can shrink).</summary>
    public static byte[] Png(int width, int height, int seed = 0, bool noise = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        var rowBytes = 1 + (3 * width);
        var raw = new byte[checked(rowBytes * height)];
        if (noise)
        {
            new Random(seed).NextBytes(raw);
        }

        for (var y = 0; y < height; y++)
        {
            var row = y * rowBytes;
            raw[row] = 0; // filter type None
            if (!noise)
            {
                for (var x = 0; x < width; x++)
                {
                    var pixel = row + 1 + (3 * x);
                    raw[pixel] = (byte)((x * 255 / Math.Max(1, width - 1)) ^ seed);
                    raw[pixel + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                    raw[pixel + 2] = (byte)(128 + seed);
                }
            }
        }

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        // compression 0, filter 0, interlace 0

        using var output = new MemoryStream(raw.Length + 1024);
        output.Write(PngSignature);
        WriteChunk(output, "IHDR", ihdr);
        WriteChunk(output, "IDAT", ZlibStored(raw));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A 512-pixel-wide noise PNG of at most <paramref name="approximateBytes"/> and less than one row (1,537 bytes)
    /// below it; never smaller than one row.
    /// </summary>
    public static byte[] PngOfSize(int approximateBytes, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(approximateBytes);
        const int RowBytes = 1 + (3 * WideRowPixels);

        // Signature 8 + IHDR 25 + IDAT framing 12 + zlib header and trailer 6 + IEND 12, and 5 bytes per stored block.
        const int FixedOverhead = 63;
        var blockOverhead = 5 * ((approximateBytes / StoredBlockMax) + 1);
        var height = Math.Max(1, (approximateBytes - FixedOverhead - blockOverhead) / RowBytes);
        return Png(WideRowPixels, height, seed, noise: true);
    }

    /// <summary>
    /// A baseline grayscale JPEG of width × height (a flat mid-grey), padded with comment segments to about
    /// <paramref name="approximateBytes"/> when that is larger than the image itself.
    /// </summary>
    public static byte[] Jpeg(int width = 64, int height = 64, int approximateBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);

        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]); // SOI
        WriteSegment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

        var quantisation = new byte[65];
        Array.Fill(quantisation, (byte)1, 1, 64); // table 0, 8-bit, all ones
        WriteSegment(output, 0xDB, quantisation);

        WriteSegment(output, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);

        // One-symbol Huffman tables: DC "difference category 0" and AC "end of block", each coded as the single bit 0.
        WriteSegment(output, 0xC4, [0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);
        WriteSegment(output, 0xC4, [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);

        WriteSegment(output, 0xDA, [1, 1, 0x00, 0, 63, 0]);

        // Every 8×8 block is "DC unchanged, then EOB" = two zero bits; pad the last byte with ones.
        var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var scan = new byte[(bits + 7) / 8];
        var padding = (int)((scan.Length * 8) - bits);
        if (padding > 0)
        {
            scan[^1] = (byte)((1 << padding) - 1);
        }

        output.Write(scan);
        output.Write([0xFF, 0xD9]); // EOI

        var image = output.ToArray();
        return approximateBytes > image.Length ? PadJpeg(image, approximateBytes) : image;
    }

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(PngSignature);

    public static bool IsJpeg(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[^2] == 0xFF && data[^1] == 0xD9;

    /// <summary>Adler-32, the zlib trailer.</summary>
    public static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            // 5552 is the largest run that cannot overflow before the modulo.
            var run = data[..Math.Min(5552, data.Length)];
            foreach (var value in run)
            {
                a += value;
                b += a;
            }

            a %= Modulus;
            b %= Modulus;
            data = data[run.Length..];
        }

        return (b << 16) | a;
    }

    private static byte[] ZlibStored(byte[] raw)
    {
        var blockCount = Math.Max(1, (raw.Length + StoredBlockMax - 1) / StoredBlockMax);
        var result = new byte[2 + raw.Length + (5 * blockCount) + 4];
        result[0] = 0x78; // deflate, 32 KiB window
        result[1] = 0x01; // no dictionary, fastest; (0x7801 % 31 == 0)
        var position = 2;
        var offset = 0;
        for (var block = 0; block < blockCount; block++)
        {
            var length = Math.Min(StoredBlockMax, raw.Length - offset);
            result[position++] = (byte)(block == blockCount - 1 ? 1 : 0); // BFINAL, BTYPE=00 (stored)
            BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(position), (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(position + 2), (ushort)~length);
            position += 4;
            raw.AsSpan(offset, length).CopyTo(result.AsSpan(position));
            position += length;
            offset += length;
        }

        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(position), Adler32(raw));
        return result;
    }

    internal static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);

        var crc = Crc32.Append(0xFFFFFFFFu, header[4..]);
        crc = Crc32.Append(crc, data) ^ 0xFFFFFFFFu;
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, crc);
        output.Write(trailer);
    }

    private static void WriteSegment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
        var length = payload.Length + 2;
        output.WriteByte((byte)(length >> 8));
        output.WriteByte((byte)length);
        output.Write(payload);
    }

    /// <summary>Inserts COM segments (which decoders skip) after SOI until the file is about the requested size.</summary>
    private static byte[] PadJpeg(byte[] image, int approximateBytes)
    {
        using var output = new MemoryStream(approximateBytes + 16);
        output.Write(image.AsSpan(0, 2));
        var missing = approximateBytes - image.Length;
        var filler = new byte[StoredBlockMax - 2];
        Array.Fill(filler, (byte)'.');
        while (missing > 4)
        {
            var payload = Math.Min(filler.Length, missing - 4);
            WriteSegment(output, 0xFE, filler.AsSpan(0, payload));
            missing -= payload + 4;
        }

        output.Write(image.AsSpan(2));
        return output.ToArray();
    }
}
