using System.Buffers.Binary;
using SeedreamBot.Core.Images;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Images;

public sealed class ImageHeaderTests
{
    [Fact]
    public void A_png_header_gives_its_size_and_whether_it_has_alpha()
    {
        Assert.True(ImageHeader.TryRead(FakeImages.Png(300, 200), out var header));

        Assert.Equal(new ImageHeader(ImageKind.Png, 300, 200, HasAlpha: false), header);
    }

    [Fact]
    public void A_jpeg_header_is_found_past_its_other_segments()
    {
        Assert.True(ImageHeader.TryRead(FakeImages.Jpeg(640, 480, approximateBytes: 200_000), out var header));

        Assert.Equal(new ImageHeader(ImageKind.Jpeg, 640, 480, HasAlpha: false), header);
    }

    [Fact]
    public void Webp_lossless_and_extended_headers_and_gif_screens_are_read()
    {
        byte[] lossless = [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBPVP8L"u8, 10, 0, 0, 0, 0x2F, 0x1F, 0x40, 0x1F, 0x10, 0, 0, 0, 0, 0];
        byte[] extended = [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0x10, 0, 0, 0, 0x7F, 0x07, 0, 0x37, 0x04, 0];
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02, 0, 0, 0, 0x3B];

        Assert.True(ImageHeader.TryRead(lossless, out var webp));
        Assert.Equal((ImageKind.WebP, 32, 126), (webp.Kind, webp.Width, webp.Height));
        Assert.True(ImageHeader.TryRead(extended, out var canvas));
        Assert.Equal(new ImageHeader(ImageKind.WebP, 1920, 1080, HasAlpha: true), canvas);
        Assert.True(ImageHeader.TryRead(gif, out var screen));
        Assert.Equal((ImageKind.Gif, 800, 600), (screen.Kind, screen.Width, screen.Height));
    }

    [Theory]
    [InlineData("<!doctype html>")]
    [InlineData("")]
    [InlineData("\u0089PNG\r\n\u001a\n")]
    public void Anything_that_is_not_an_image_by_its_bytes_has_no_header(string text)
    {
        Assert.False(ImageHeader.TryRead(System.Text.Encoding.Latin1.GetBytes(text), out _));
        Assert.Equal(ImageProblem.NotAnImage, ImageChecks.Check(System.Text.Encoding.Latin1.GetBytes(text), out _));
    }

    [Fact]
    public void A_bomb_declaring_60000_by_60000_is_refused_from_its_header()
    {
        var bomb = Bomb(60_000, 60_000);

        Assert.Equal(ImageProblem.TooManyPixels, ImageChecks.Check(bomb, out var header));
        Assert.Equal(3_600_000_000, header.Pixels);
    }

    [Fact]
    public void Fifty_megapixels_is_the_most_that_is_opened()
    {
        Assert.Null(ImageChecks.Check(Bomb(10_000, 5_000), out _));
        Assert.Equal(ImageProblem.TooManyPixels, ImageChecks.Check(Bomb(10_000, 5_001), out _));
    }

    /// <summary>A real PNG of 1×1 whose IHDR (with a correct CRC) claims another size: a tiny file declaring a huge canvas.</summary>
    internal static byte[] Bomb(int width, int height)
    {
        var png = FakeImages.Png(1, 1);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Compute(png.AsSpan(12, 17)));
        return png;
    }
}
