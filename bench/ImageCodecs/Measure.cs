using System.Diagnostics;
using System.Globalization;

namespace SeedreamBot.Bench.ImageCodecs;

/// <summary>
/// The bot's strategy with one library: JPEG at quality 90 (WebP measured beside it), lower quality, then downscale
/// until the result fits; timed over several runs, with the process's peak resident memory before and after.
/// </summary>
internal static class Measure
{
    private static readonly int[] Qualities = [90, 82, 75];

    public static MeasureResult Run(ICodecUnderTest codec, byte[] photo, byte[] noise, int runs, long limit)
    {
        var (width, height) = codec.Identify(photo);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = ResidentBytes();

        var first = Stopwatch.StartNew();
        var jpeg = Fit(codec, photo, "jpeg", width, height, limit);
        var firstMs = first.Elapsed.TotalMilliseconds;

        var jpegTimes = new List<double>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            jpeg = Fit(codec, photo, "jpeg", width, height, limit);
            jpegTimes.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        var jpegPeak = PeakResidentBytes() - baseline;

        var webp = Fit(codec, photo, "webp", width, height, limit);
        var webpTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            webp = Fit(codec, photo, "webp", width, height, limit);
            webpTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        // The worst case: noise no encoder can shrink, so the whole ladder runs down to a downscale.
        var (noiseWidth, noiseHeight) = codec.Identify(noise);
        GC.Collect();
        var worstBaseline = ResetPeak();
        var worst = Stopwatch.StartNew();
        var fitted = Fit(codec, noise, "jpeg", noiseWidth, noiseHeight, limit);
        var worstMs = worst.Elapsed.TotalMilliseconds;

        var worstPeak = PeakResidentBytes() - worstBaseline;
        return new MeasureResult(
            codec.Name,
            firstMs,
            Median(jpegTimes),
            jpeg.Length,
            Median(webpTimes),
            webp.Length,
            jpegPeak,
            worstPeak,
            allocated,
            worstMs,
            fitted.Length,
            NativeFiles(codec.NativeLibraryPrefix));
    }

    private static byte[] Fit(ICodecUnderTest codec, byte[] photo, string format, int width, int height, long limit)
    {
        foreach (var quality in Qualities)
        {
            var encoded = codec.Encode(photo, format, quality, width, height);
            if (encoded.Length <= limit)
            {
                return encoded;
            }
        }

        var scale = 0.85;
        while (true)
        {
            var encoded = codec.Encode(photo, format, Qualities[0], (int)(width * scale), (int)(height * scale));
            if (encoded.Length <= limit)
            {
                return encoded;
            }

            scale *= 0.85;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static long ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>Resets the kernel's peak-RSS mark to the current RSS (Linux: "5" to clear_refs), returning that RSS.</summary>
    private static long ResetPeak()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ResidentBytes();
    }

    private static long PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    private static long StatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>What the library adds to a linux-x64 publish folder beside managed DLLs.</summary>
    private static string NativeFiles(string? prefix)
    {
        if (prefix is null)
        {
            return "none";
        }

        var folder = AppContext.BaseDirectory;
        var native = Directory.EnumerateFiles(Path.Combine(folder, "runtimes", "linux-x64", "native"), prefix + "*")
            .Select(f => new FileInfo(f))
            .ToList();
        return native.Count == 0 ? "none" : string.Join(", ", native.Select(f => $"{f.Name} {f.Length / 1048576.0:0} MiB"));
    }
}
