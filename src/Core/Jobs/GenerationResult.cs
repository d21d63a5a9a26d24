using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>A finished image, ready for the presenter to attach (results are always attached, never only linked).</summary>
/// <param name="ImageUrl">Apiframe's URL of the original (Apiframe keeps it for about a day).</param>
/// <param name="Image">What to attach: the original, or a copy re-encoded to fit the channel's upload limit.</param>
/// <param name="Original">The original as downloaded when <paramref name="Image"/> is a re-encoded copy; null when it is the original.</param>
/// <param name="BalanceAfter">The member's balance once this generation is paid for.</param>
/// <param name="Elapsed">From the request to the result.</param>
public sealed record GenerationResult(
    Uri ImageUrl,
    DownloadedImage Image,
    DownloadedImage? Original,
    CreditBalance BalanceAfter,
    TimeSpan Elapsed)
{
    public bool Reencoded => Original is not null;
}
