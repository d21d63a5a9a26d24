using System.Collections.Concurrent;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>Photo results by pixel size, made once per test process (a 3K photo takes seconds to make; tests may warm it).</summary>
public static class FakePhotoCache
{
    private static readonly ConcurrentDictionary<(int Width, int Height), Lazy<byte[]>> Photos = new();

    public static byte[] Get(int width, int height) =>
        Photos.GetOrAdd((width, height), size => new Lazy<byte[]>(() => FakePhoto.Png(size.Width, size.Height, seed: 7))).Value;
}
