using System.Runtime.InteropServices;
using SkiaSharp;

namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>SkiaSharp 4.155 with the dependency-free Linux native assets.</summary>
internal sealed class SkiaCodec : ICodecUnderTest
{
    public string Name => "SkiaSharp 4.155.0";

    public string? NativeLibraryPrefix => "libSkiaSharp";

    public (int Width, int Height) Identify(byte[] source)
    {
        using var pinned = new Pinned(source);
        using var codec = SKCodec.Create(pinned.Data);
        return (codec.Info.Width, codec.Info.Height);
    }

    public byte[] Encode(byte[] source, string format, int quality, int width, int height)
    {
        // As the bot does it: the encoded bytes pinned, not copied into native memory.
        using var pinned = new Pinned(source);
        using var codec = SKCodec.Create(pinned.Data);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var decoded = SKBitmap.Decode(codec, info);
        var bitmap = decoded;
        try
        {
            if (width < decoded.Width || height < decoded.Height)
            {
                bitmap = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), new SKSamplingOptions(SKCubicResampler.Mitchell));
            }

            using var pixmap = bitmap.PeekPixels();
            using var encoded = format == "jpeg"
                ? pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                : pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality));
            return encoded?.ToArray() ?? throw new InvalidOperationException("Skia could not encode the image.");
        }
        finally
        {
            if (!ReferenceEquals(bitmap, decoded))
            {
                bitmap.Dispose();
            }
        }
    }

    private sealed class Pinned : IDisposable
    {
        private GCHandle _handle;

        public Pinned(byte[] bytes)
        {
            _handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
            Data = SKData.Create(_handle.AddrOfPinnedObject(), bytes.Length);
        }

        public SKData Data { get; }

        public void Dispose()
        {
            Data.Dispose();
            _handle.Free();
        }
    }
}
