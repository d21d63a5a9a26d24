namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>What each library must do for the bot: decode, optionally downscale, encode as JPEG or WebP.</summary>
internal interface ICodecUnderTest
{
    string Name { get; }

    /// <summary>The start of its native library's file name, null for a managed library.</summary>
    string? NativeLibraryPrefix { get; }

    /// <summary>Decodes <paramref name="source"/>, scales it to <paramref name="width"/> × <paramref name="height"/> when smaller, encodes it.</summary>
    byte[] Encode(byte[] source, string format, int quality, int width, int height);

    (int Width, int Height) Identify(byte[] source);
}
