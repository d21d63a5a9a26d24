using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Checks that bytes are a decodable 8-bit RGB PNG, independently of the fake's encoder: its own bitwise CRC-32, and
/// .NET's zlib (which verifies the Adler-32 trailer) to inflate the pixels.
/// </summary>
internal static class PngChecker
{
    public static (int Width, int Height) Check(ReadOnlySpan<byte> png)
    {
        Assert.True(png[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature");
        var position = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var sawEnd = false;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            var type = Encoding.ASCII.GetString(png.Slice(position + 4, 4));
            var data = png.Slice(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8 + length)..]);
            Assert.Equal(BitwiseCrc32(png.Slice(position + 4, 4 + length)), crc);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    Assert.Equal(2, data[9]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            position += 12 + length;
        }

        Assert.True(sawEnd, "IEND");
        Assert.Equal(png.Length, position);
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflater.CopyTo(pixels);
        var rowBytes = 1 + (3 * width);
        Assert.Equal((long)rowBytes * height, pixels.Length);
        var raw = pixels.GetBuffer();
        for (var row = 0; row < height; row++)
        {
            Assert.InRange(raw[row * rowBytes], 0, 4); // a valid filter type
        }

        return (width, height);
    }

    private static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }
}
