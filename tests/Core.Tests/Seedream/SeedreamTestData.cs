using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Tests.Seedream;

internal static class SeedreamTestData
{
    public static GenerationRequest Request(string prompt = "a lighthouse at dusk, film grain", IReadOnlyList<string>? images = null)
    {
        var result = GenerationRequestValidator.Validate(prompt, inputImageUrls: images);
        return result.Request ?? throw new InvalidOperationException(result.ToString());
    }

    public static string NewKey() => "gen-" + Guid.NewGuid().ToString("N");
}
