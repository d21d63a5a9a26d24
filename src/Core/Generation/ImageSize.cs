namespace SeedreamBot.Core.Generation;

/// <summary>Output resolution Seedream 5 Lite offers. The wire values are <c>2K</c> and <c>3K</c>.</summary>
public enum ImageSize
{
    TwoK,
    ThreeK,
}
