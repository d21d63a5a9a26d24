namespace SeedreamBot.Fakes.Apiframe;

/// <summary>The pixel sizes of Seedream's 2K and 3K tiers per aspect ratio (ModelArk's table as third parties reproduce it).</summary>
public static class SeedreamPixelSizes
{
    private static readonly Dictionary<(string Size, string Aspect), (int Width, int Height)> Sizes = new()
    {
        [("2K", "1:1")] = (2048, 2048),
        [("2K", "4:3")] = (2304, 1728),
        [("2K", "3:4")] = (1728, 2304),
        [("2K", "16:9")] = (2848, 1600),
        [("2K", "9:16")] = (1600, 2848),
        [("2K", "3:2")] = (2496, 1664),
        [("2K", "2:3")] = (1664, 2496),
        [("2K", "21:9")] = (3136, 1344),
        [("3K", "1:1")] = (3072, 3072),
        [("3K", "4:3")] = (3456, 2592),
        [("3K", "3:4")] = (2592, 3456),
        [("3K", "16:9")] = (4096, 2304),
        [("3K", "9:16")] = (2304, 4096),
        [("3K", "3:2")] = (3744, 2496),
        [("3K", "2:3")] = (2496, 3744),
        [("3K", "21:9")] = (4704, 2016),
    };

    /// <summary>The result size for a request; square for <c>match_input_image</c> or anything unknown.</summary>
    public static (int Width, int Height) For(string? size, string? aspectRatio)
    {
        var tier = size == "3K" ? "3K" : "2K";
        return Sizes.TryGetValue((tier, aspectRatio ?? "1:1"), out var pixels) ? pixels : Sizes[(tier, "1:1")];
    }
}
