using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using SeedreamBot.Core.Images;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Images;

/// <summary>The fitter with the real image library (ImageSharp) on real images, and with a substitute where only the decision matters.</summary>
public sealed class ImageFitterTests
{
    private const long TenMiB = 10L * 1024 * 1024;

    private static readonly Lazy<byte[]> Photo3K = new(() => FakePhoto.Png(4096, 2304, seed: 3));

    [Fact]
    public async Task An_18_MB_3K_photo_is_re_encoded_as_a_jpeg_under_10_MiB_with_the_same_size_and_aspect()
    {
        var photo = Photo3K.Value;
        Assert.InRange(photo.Length, 16_000_000, 20_000_000);

        var fit = await Fitter().FitAsync(photo, TenMiB, CancellationToken.None);

        Assert.True(fit.Succeeded, fit.Problem?.ToString());
        Assert.True(fit.Reencoded);
        Assert.False(fit.Downscaled);
        Assert.Equal(ImageKind.Jpeg, fit.Kind);
        Assert.Equal(90, fit.Quality);
        Assert.InRange(fit.Content.Length, 1, TenMiB);
        Assert.True(ImageHeader.TryRead(fit.Content.Span, out var header));
        Assert.Equal((4096, 2304), (header.Width, header.Height));
        Assert.Equal((4096, 2304), new ImageSharpImageCodec().Identify(fit.Content));
        Assert.Equal((ImageKind.Png, photo.Length), (fit.Original.Kind, fit.OriginalBytes));
    }

    [Fact]
    public async Task An_image_within_the_limit_is_delivered_as_it_is()
    {
        var png = FakeImages.Png(64, 64);
        var codec = Substitute.For<IImageCodec>();

        var fit = await new ImageFitter(codec, NullLogger<ImageFitter>.Instance).FitAsync(png, TenMiB, CancellationToken.None);

        Assert.True(fit.Succeeded);
        Assert.False(fit.Reencoded);
        Assert.Equal(png, fit.Content.ToArray());
        Assert.Empty(codec.ReceivedCalls());
    }

    [Fact]
    public async Task Noise_that_quality_cannot_shrink_enough_is_scaled_down_keeping_its_aspect_ratio()
    {
        var noise = FakeImages.Png(1600, 900, seed: 5, noise: true);

        var fit = await Fitter().FitAsync(noise, 400_000, CancellationToken.None);

        Assert.True(fit.Succeeded, fit.Problem?.ToString());
        Assert.True(fit.Downscaled);
        Assert.InRange(fit.Content.Length, 1, 400_000);
        Assert.Equal(1600.0 / 900, (double)fit.Width / fit.Height, precision: 2);
        Assert.Equal((fit.Width, fit.Height), new ImageSharpImageCodec().Identify(fit.Content));
    }

    [Fact]
    public async Task Quality_is_lowered_before_anything_is_scaled()
    {
        var codec = Substitute.For<IImageCodec>();
        var png = FakeImages.Png(100, 50);
        codec.Identify(Arg.Any<ReadOnlyMemory<byte>>()).Returns((100, 50));
        codec.Encode(Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<ImageHeader>(), ImageKind.Jpeg, Arg.Any<int>(), 100, 50)
            .Returns(call => new byte[call.ArgAt<int>(3) >= 85 ? 2_000 : 900]);

        var fit = await new ImageFitter(codec, NullLogger<ImageFitter>.Instance).FitAsync(png, 1_000, CancellationToken.None);

        Assert.Equal(80, fit.Quality);
        Assert.False(fit.Downscaled);
        codec.DidNotReceive().Encode(Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<ImageHeader>(), Arg.Any<ImageKind>(), Arg.Any<int>(), Arg.Is<int>(w => w < 100), Arg.Any<int>());
    }

    [Fact]
    public async Task A_transparent_png_becomes_a_webp_not_a_jpeg()
    {
        var codec = Substitute.For<IImageCodec>();
        var png = FakeImages.Png(10, 10);
        png[25] = 6; // colour type RGBA in IHDR (the CRC is not checked before decoding)
        codec.Identify(Arg.Any<ReadOnlyMemory<byte>>()).Returns((10, 10));
        codec.Encode(Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<ImageHeader>(), Arg.Any<ImageKind>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<int>())
            .Returns([1]);

        var fit = await new ImageFitter(codec, NullLogger<ImageFitter>.Instance).FitAsync(png, 10, CancellationToken.None);

        Assert.Equal(ImageKind.WebP, fit.Kind);
    }

    [Fact]
    public async Task A_bomb_declaring_60000_by_60000_is_refused_without_decoding_or_allocating_it()
    {
        var bomb = ImageHeaderTests.Bomb(60_000, 60_000);
        var codec = Substitute.For<IImageCodec>();
        var fitter = new ImageFitter(codec, NullLogger<ImageFitter>.Instance);
        await fitter.FitAsync(FakeImages.Png(2, 2), 1, CancellationToken.None); // warm up: JIT and first-call allocations
        codec.ClearReceivedCalls();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fit = await fitter.FitAsync(bomb, 1, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ImageProblem.TooManyPixels, fit.Problem);
        Assert.Empty(codec.ReceivedCalls());
        Assert.True(allocated < 64 * 1024, $"Refusing the bomb allocated {allocated:N0} bytes; decoding it would take 14.4 GB.");
    }

    [Fact]
    public async Task A_bomb_is_refused_by_the_real_codec_path_too_and_memory_stays_flat()
    {
        var bomb = ImageHeaderTests.Bomb(60_000, 60_000);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var fit = await Fitter().FitAsync(bomb, 1, CancellationToken.None);

        Assert.Equal(ImageProblem.TooManyPixels, fit.Problem);
        Assert.True(GC.GetTotalMemory(forceFullCollection: false) - before < 16 * 1024 * 1024);
    }

    [Fact]
    public async Task A_header_that_disagrees_with_the_image_data_is_not_decoded()
    {
        var codec = Substitute.For<IImageCodec>();
        codec.Identify(Arg.Any<ReadOnlyMemory<byte>>()).Returns((8000, 6000));
        var png = FakeImages.Png(100, 100);

        var fit = await new ImageFitter(codec, NullLogger<ImageFitter>.Instance).FitAsync(png, 10, CancellationToken.None);

        Assert.Equal(ImageProblem.Undecodable, fit.Problem);
        codec.DidNotReceive().Encode(Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<ImageHeader>(), Arg.Any<ImageKind>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<int>());
    }

    [Fact]
    public async Task A_png_whose_first_header_passes_and_a_second_one_declares_a_bomb_is_refused_without_decoding()
    {
        // IHDR says 100 × 100, a second IHDR behind it 60,000 × 60,000: the pre-check reads the first, a decoder may
        // believe the last. The library's own reading of the header must agree before anything is decoded.
        var liar = WithSecondHeader(FakeImages.Png(100, 100), 60_000, 60_000);
        var codec = new ImageSharpImageCodec();
        codec.Identify(FakeImages.Png(4, 4)); // warm up

        // The library's reading of the header, on this thread: no pixel buffer is allocated for it.
        (int Width, int Height)? seen = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            seen = codec.Identify(liar);
        }
        catch (ImageDecodeException)
        {
            // Not readable at all: refused just the same.
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotEqual((100, 100), seen);
        Assert.True(allocated < 1024 * 1024, $"Reading the header allocated {allocated:N0} bytes.");

        var fit = await Fitter().FitAsync(liar, 10, CancellationToken.None);
        Assert.Equal(ImageProblem.Undecodable, fit.Problem);
    }

    private static byte[] WithSecondHeader(byte[] png, int width, int height)
    {
        var chunk = new byte[25];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, 13);
        png.AsSpan(12, 17).CopyTo(chunk.AsSpan(4)); // "IHDR" and the 13 header bytes
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(21), Crc32.Compute(chunk.AsSpan(4, 17)));
        return [.. png.AsSpan(0, 33), .. chunk, .. png.AsSpan(33)];
    }

    [Fact]
    public async Task Html_is_not_an_image_whatever_anyone_says()
    {
        var fit = await Fitter().FitAsync("<html>not an image</html>"u8.ToArray(), TenMiB, CancellationToken.None);

        Assert.Equal(ImageProblem.NotAnImage, fit.Problem);
    }

    private static ImageFitter Fitter() => new(new ImageSharpImageCodec(), NullLogger<ImageFitter>.Instance);
}
