using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>A finished image, ready for the presenter to deliver.</summary>
/// <param name="ImageUrl">Apiframe's URL of the image.</param>
/// <param name="Image">The downloaded bytes, or null when the image is larger than the upload limit and must be linked.</param>
/// <param name="ImageSizeBytes">The image's size when known (also when too large to attach).</param>
/// <param name="BalanceAfter">The member's balance once this generation is paid for.</param>
/// <param name="Elapsed">From the request to the result.</param>
public sealed record GenerationResult(
    Uri ImageUrl,
    DownloadedImage? Image,
    long? ImageSizeBytes,
    CreditBalance BalanceAfter,
    TimeSpan Elapsed)
{
    public bool TooLargeToAttach => Image is null;
}
