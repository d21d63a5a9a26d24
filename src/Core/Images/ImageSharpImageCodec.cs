using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SeedreamBot.Core.Images;

/// <summary>
/// <see cref="IImageCodec"/> over SixLabors.ImageSharp 2.1, chosen by bench/ImageCodecs: the lowest peak memory of the
/// three libraries measured (on the 3K photo and on the worst case), JPEG as fast as SkiaSharp, and nothing native to
/// ship. Its decoders are reached only by images that passed <see cref="ImageChecks"/> (magic bytes, header, 50
/// megapixels), only the four formats the bot accepts are registered (the TIFF, BMP, TGA and PBM decoders, where most
/// of ImageSharp's advisories were, are not), and no single allocation may exceed what a 50-megapixel image needs.
/// </summary>
internal sealed class ImageSharpImageCodec : IImageCodec
{
    /// <summary>50 megapixels of RGBA (200 MB) and a little room: anything bigger is not an image the bot opens.</summary>
    private const int AllocationLimitMegabytes = 224;

    private static readonly Configuration Decoding = CreateConfiguration();

    public (int Width, int Height) Identify(ReadOnlyMemory<byte> image)
    {
        try
        {
            using var stream = StreamOver(image);
            var info = Image.Identify(Decoding, stream)
                ?? throw new ImageDecodeException("The image library does not recognise this file.");
            return (info.Width, info.Height);
        }
        catch (Exception exception) when (IsImageSharpFailure(exception))
        {
            throw new ImageDecodeException("The image library could not read this file's header.", exception);
        }
    }

    public byte[] Encode(ReadOnlyMemory<byte> image, ImageHeader header, ImageKind format, int quality, int width, int height)
    {
        if (format is not (ImageKind.Jpeg or ImageKind.WebP))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Only JPEG and WebP are encoded.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        try
        {
            // Three bytes a pixel unless the image may be transparent (then WebP keeps the alpha).
            return header.HasAlpha && format == ImageKind.WebP
                ? Encode<Rgba32>(image.Span, header, format, quality, width, height)
                : Encode<Rgb24>(image.Span, header, format, quality, width, height);
        }
        catch (Exception exception) when (IsImageSharpFailure(exception))
        {
            throw new ImageDecodeException("The image could not be decoded.", exception);
        }
    }

    private static byte[] Encode<TPixel>(ReadOnlySpan<byte> data, ImageHeader header, ImageKind format, int quality, int width, int height)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var decoded = Image.Load<TPixel>(Decoding, data);
        if (decoded.Width != header.Width || decoded.Height != header.Height)
        {
            throw new ImageDecodeException(
                $"The header declares {header.Width} × {header.Height} but the image data is {decoded.Width} × {decoded.Height}.");
        }

        if (width < decoded.Width || height < decoded.Height)
        {
            decoded.Mutate(operation => operation.Resize(width, height, KnownResamplers.Lanczos3));
        }

        using var output = new MemoryStream();
        if (format == ImageKind.Jpeg)
        {
            decoded.SaveAsJpeg(output, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 });
        }
        else
        {
            decoded.SaveAsWebp(output, new WebpEncoder { Quality = quality, FileFormat = WebpFileFormatType.Lossy });
        }

        return output.ToArray();
    }

    private static Configuration CreateConfiguration()
    {
        var configuration = new Configuration(
            new PngConfigurationModule(), new JpegConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule());
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = AllocationLimitMegabytes,
            MaximumPoolSizeMegabytes = 64,
        });
        return configuration;
    }

    private static MemoryStream StreamOver(ReadOnlyMemory<byte> image) =>
        MemoryMarshal.TryGetArray(image, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(image.ToArray(), writable: false);

    private static bool IsImageSharpFailure(Exception exception) =>
        exception is ImageFormatException or UnknownImageFormatException or InvalidImageContentException
            or InvalidMemoryOperationException or NotSupportedException;
}
