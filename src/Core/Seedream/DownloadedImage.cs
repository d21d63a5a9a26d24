namespace SeedreamBot.Core.Seedream;

/// <summary>A result image held in memory, ready to upload.</summary>
/// <param name="Content">The image bytes (exactly the downloaded length).</param>
/// <param name="ContentType">The served media type, e.g. <c>image/png</c>.</param>
/// <param name="FileName">A file name with the right extension, e.g. <c>seedream-1a2b.png</c>.</param>
public sealed record DownloadedImage(ReadOnlyMemory<byte> Content, string ContentType, string FileName)
{
    /// <summary>The re-encoded copy <paramref name="fit"/> made of this image, named like it with the new extension.</summary>
    public DownloadedImage ReencodedAs(Images.ImageFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new DownloadedImage(fit.Content, Images.ImageKinds.MediaType(fit.Kind), Path.ChangeExtension(FileName, Images.ImageKinds.Extension(fit.Kind)));
    }
}
