using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SeedreamBot.Bench.ImageCodecs;
using SeedreamBot.Fakes.Apiframe;

// Usage: dotnet run -c Release --project bench/ImageCodecs [-- --runs 5 --out result.md]
// The parent writes the test photo, then runs each library in a child process (--child <library> <photo> <runs>),
// so that each one's peak memory (VmHWM) is its own, and prints a markdown table.
const long Limit = 10L * 1024 * 1024;
var inv = CultureInfo.InvariantCulture;

if (args is ["--child", var childLibrary, var path, var childNoisePath, var runsText])
{
    var result = Measure.Run(
        Codecs.Create(childLibrary), await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(childNoisePath), int.Parse(runsText, inv), Limit);
    Console.WriteLine(JsonSerializer.Serialize(result, MeasureJson.Default.MeasureResult));
    return 0;
}

if (args is ["--photo-size", var grainText, var textureText])
{
    // Calibration of FakePhoto's grain: prints the PNG size of a 4096 × 2304 photo for a grain amplitude.
    var png = FakePhoto.Png(4096, 2304, seed: 1, grain: int.Parse(grainText, inv), texture: int.Parse(textureText, inv));
    Console.WriteLine(png.Length.ToString("N0", inv) + " PNG, " + new SkiaCodec().Encode(png, "jpeg", 90, 4096, 2304).Length.ToString("N0", inv) + " JPEG q90");
    return 0;
}

var runs = 5;
string? output = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[i + 1], inv);
    }
    else if (args[i] == "--out")
    {
        output = args[i + 1];
    }
}

var photoPath = Path.Combine(Path.GetTempPath(), "seedreambot-bench-photo-4096x2304.png");
var photo = FakePhoto.Png(4096, 2304, seed: 1);
await File.WriteAllBytesAsync(photoPath, photo);
Console.Error.WriteLine($"photo: 4096x2304 PNG, {photo.Length:N0} bytes");
// Noise no encoder can shrink, large enough that quality alone cannot fit it: the whole ladder, then downscales.
var noisePath = Path.Combine(Path.GetTempPath(), "seedreambot-bench-noise-6000x4000.png");
await File.WriteAllBytesAsync(noisePath, FakeImages.Png(6000, 4000, seed: 1, noise: true));

var results = new List<MeasureResult>();
foreach (var library in Codecs.Names)
{
    Console.Error.WriteLine($"== {library}");
    var start = new ProcessStartInfo("dotnet", [typeof(Measure).Assembly.Location, "--child", library, photoPath, noisePath, runs.ToString(inv)])
    {
        RedirectStandardOutput = true,
    };
    using var child = Process.Start(start)!;
    var line = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    if (child.ExitCode != 0)
    {
        Console.Error.WriteLine($"{library} failed with exit code {child.ExitCode}");
        continue;
    }

    results.Add(JsonSerializer.Deserialize(line.Trim().Split('\n')[^1], MeasureJson.Default.MeasureResult)!);
}

var table = new StringBuilder();
var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "unknown";
table.AppendLine(inv, $"Fitting a 4096 × 2304 photographic PNG ({photo.Length / 1e6:0.0} MB) under 10 MiB on {Environment.ProcessorCount} cores (load average {load} at the end), median of {runs} runs after one warm-up, each library in its own process. Peak memory is the rise of the process's peak resident set over its size before the first fit (worst case: over its size before that case).");
table.AppendLine();
table.AppendLine("| library | fit as JPEG q90 (first call) | JPEG size | peak memory | as WebP q90 | WebP size | worst case: 6000 × 4000 noise, ladder then downscales | its peak memory | managed allocations per fit | native files in the Docker image |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in results)
{
    table.AppendLine(inv, $"| {r.Library} | {r.JpegMedianMs:N0} ms ({r.JpegFirstMs:N0} ms) | {r.JpegBytes / 1e6:0.0} MB | {r.PeakAddedBytes / 1048576.0:N0} MiB | {r.WebpMedianMs:N0} ms | {r.WebpBytes / 1e6:0.0} MB | {r.WorstCaseMs:N0} ms ({r.WorstCaseBytes / 1e6:0.0} MB) | {r.WorstCasePeakAddedBytes / 1048576.0:N0} MiB | {r.ManagedAllocatedPerFit / 1048576.0:N0} MiB | {r.NativeFiles} |");
}

Console.Write(table);
if (output is not null)
{
    await File.WriteAllTextAsync(output, table.ToString());
}

return results.Count == Codecs.Names.Count ? 0 : 1;
