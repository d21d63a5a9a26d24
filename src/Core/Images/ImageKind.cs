namespace SeedreamBot.Core.Images;

/// <summary>The image types the bot accepts, sends and delivers (what Apiframe and Discord both take).</summary>
public enum ImageKind
{
    Png,
    Jpeg,
    WebP,
    Gif,
}
