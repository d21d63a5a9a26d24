using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>SixLabors.ImageSharp 2.1: fully managed.</summary>
internal sealed class ImageSharpCodec : ICodecUnderTest
{
    public string Name => "SixLabors.ImageSharp 2.1.13";

    public string? NativeLibraryPrefix => null;

    public (int Width, int Height) Identify(byte[] source)
    {
        var info = Image.Identify(source);
        return (info.Width, info.Height);
    }

    public byte[] Encode(byte[] source, string format, int quality, int width, int height)
    {
        using var image = Image.Load<Rgb24>(source);
        if (width < image.Width || height < image.Height)
        {
            image.Mutate(x => x.Resize(width, height, KnownResamplers.Lanczos3));
        }

        using var output = new MemoryStream();
        if (format == "jpeg")
        {
            image.SaveAsJpeg(output, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 });
        }
        else
        {
            image.SaveAsWebp(output, new WebpEncoder { Quality = quality, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Default });
        }

        return output.ToArray();
    }
}
