namespace SeedreamBot.Bench.ImageCodecs;

internal static class Codecs
{
    public static IReadOnlyList<string> Names { get; } = ["imagesharp", "netvips", "skia"];

    public static ICodecUnderTest Create(string name) => name switch
    {
        "imagesharp" => new ImageSharpCodec(),
        "netvips" => new NetVipsCodec(),
        "skia" => new SkiaCodec(),
        _ => throw new ArgumentException($"Unknown library {name}; use one of {string.Join(", ", Names)}.", nameof(name)),
    };
}
