using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SeedreamBot.Bench.ImageCodecs;
using SeedreamBot.Fakes.Apiframe;

// Usage: dotnet run -c Release --project bench/ImageCodecs [-- --runs 5 --rounds 3 --out result.md]
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
var rounds = 3;
string? output = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[i + 1], inv);
    }
    else if (args[i] == "--rounds")
    {
        rounds = int.Parse(args[i + 1], inv);
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

// Rounds of one child per library, in turn, so that a busy moment of a shared machine does not fall on one library
// only; each figure is the median over the rounds.
var byLibrary = Codecs.Names.ToDictionary(name => name, _ => new List<MeasureResult>());
for (var round = 1; round <= rounds; round++)
{
    foreach (var library in Codecs.Names)
    {
        Console.Error.WriteLine($"== round {round}: {library}");
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

        byLibrary[library].Add(JsonSerializer.Deserialize(line.Trim().Split('\n')[^1], MeasureJson.Default.MeasureResult)!);
    }
}

var results = byLibrary.Values.Where(list => list.Count > 0).Select(MedianOf).ToList();

var table = new StringBuilder();
var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "unknown";
table.AppendLine(inv, $"Fitting a 4096 × 2304 photographic PNG ({photo.Length / 1e6:0.0} MB) under 10 MiB on {Environment.ProcessorCount} cores (load average {load} at the end), median of {runs} runs after one warm-up in each of {rounds} rounds (each library in its own process, in turn), median over the rounds. Peak memory is the rise of the process's peak resident set over its size before the first fit (worst case: over its size before that case).");
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

static MeasureResult MedianOf(List<MeasureResult> list)
{
    T Median<T>(Func<MeasureResult, T> pick) => list.Select(pick).Order().ElementAt(list.Count / 2);
    return new MeasureResult(
        list[0].Library,
        Median(r => r.JpegFirstMs),
        Median(r => r.JpegMedianMs),
        Median(r => r.JpegBytes),
        Median(r => r.WebpMedianMs),
        Median(r => r.WebpBytes),
        Median(r => r.PeakAddedBytes),
        Median(r => r.WorstCasePeakAddedBytes),
        Median(r => r.ManagedAllocatedPerFit),
        Median(r => r.WorstCaseMs),
        Median(r => r.WorstCaseBytes),
        list[0].NativeFiles);
}
