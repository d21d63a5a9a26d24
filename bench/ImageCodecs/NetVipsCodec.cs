using NetVips;

namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>NetVips 3.2 over libvips (NetVips.Native): native, streaming.</summary>
internal sealed class NetVipsCodec : ICodecUnderTest
{
    public NetVipsCodec()
    {
        // The bot processes one image at a time per job; libvips's operation cache only helps repeated pipelines.
        Cache.Max = 0;
    }

    public string Name => $"NetVips 3.2.0 + libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    public string? NativeLibraryPrefix => "libvips";

    public (int Width, int Height) Identify(byte[] source)
    {
        using var image = Image.NewFromBuffer(source);
        return (image.Width, image.Height);
    }

    public byte[] Encode(byte[] source, string format, int quality, int width, int height)
    {
        using var decoded = Image.NewFromBuffer(source, access: Enums.Access.Sequential);
        var image = decoded;
        try
        {
            if (width < decoded.Width || height < decoded.Height)
            {
                image = decoded.Resize((double)width / decoded.Width, Enums.Kernel.Lanczos3, vscale: (double)height / decoded.Height);
            }

            return format == "jpeg"
                ? image.JpegsaveBuffer(q: quality, optimizeCoding: true, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None)
                : image.WebpsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
        }
        finally
        {
            if (!ReferenceEquals(image, decoded))
            {
                image.Dispose();
            }
        }
    }
}
