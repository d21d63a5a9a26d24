using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// K generations of ~10 MB 3K PNGs started at once: the bot's peak memory against the image bytes it can have in
/// flight (downloaded from the fake CDN but not yet received by the fake Discord).
/// </summary>
internal static class LargeResultScenario
{
    private const string OriginalRoute = "/webhooks/{application_id}/{interaction_token}/messages/@original";

    private const int FirstMember = 3_000_000;

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<LargeResultResult> RunAsync(LoadDriverOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var run = await ScenarioRun
            .StartAsync(options, "large", options.JobDuration, options.LargeImageBytes, cancellationToken)
            .ConfigureAwait(false);
        var discord = run.World.Discord;
        var apiframe = run.World.Apiframe;

        var warmup = await ImagineRequests.DispatchAsync(discord, FirstMember, options.WarmupGenerations, "3K", cancellationToken).ConfigureAwait(false);
        await run.WaitUntilAsync(() => warmup.All(ImagineRequests.IsFinished), options.WaitTimeout, "the warm-up generations", cancellationToken)
            .ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);

        var baseline = run.Bot.ReadMemory().ResidentBytes;
        var peakReset = run.Bot.TryResetPeakMemory();
        var downloadsBefore = apiframe.CdnDownloads;
        var uploadsBefore = Uploads(discord);
        var requestsBefore = apiframe.Requests.Count;
        var callsBefore = discord.Calls.Count;

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = SampleAsync(run, () => apiframe.CdnDownloads - downloadsBefore - (Uploads(discord) - uploadsBefore), sampling.Token);

        var burst = await ImagineRequests
            .DispatchAsync(discord, FirstMember + options.WarmupGenerations, options.LargeResults, "3K", cancellationToken)
            .ConfigureAwait(false);
        await run.WaitUntilAsync(() => burst.All(ImagineRequests.IsFinished), options.WaitTimeout, "the large results", cancellationToken)
            .ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        var (sampledPeak, sampledInFlight) = await sampler.ConfigureAwait(false);
        var peakInFlight = sampledInFlight;
        run.Bot.EnsureRunning();

        // VmHWM catches a peak between two samples, but only counts from the reset if the kernel allowed one.
        var peak = peakReset ? Math.Max(sampledPeak, run.Bot.ReadMemory().PeakResidentBytes) : sampledPeak;

        // Sampling can miss a short overlap; the fakes' own timestamps cannot (download start → upload start, a lower bound).
        var downloads = apiframe.Requests.Skip(requestsBefore).Where(r => r.Route == FakeRoute.Cdn).Select(r => r.Timestamp);
        var uploads = discord.Calls.Skip(callsBefore).Where(IsDelivery).Select(c => c.ReceivedAt);
        peakInFlight = Math.Max(peakInFlight, PeakOverlap(downloads, uploads));
        return new LargeResultResult(
            options.LargeResults,
            burst.Count(ImagineRequests.IsFailure),
            options.LargeImageBytes,
            options.MaxConcurrentJobs,
            baseline,
            peak,
            peakInFlight);
    }

    private static async Task<(long PeakResident, int PeakInFlight)> SampleAsync(
        ScenarioRun run, Func<int> imagesInFlight, CancellationToken cancellationToken)
    {
        long peakResident = 0;
        var peakInFlight = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                peakResident = Math.Max(peakResident, run.Bot.ReadMemory().ResidentBytes);
            }
            catch (IOException)
            {
                // The bot exited; the scenario's own wait reports that with the bot's output.
            }

            peakInFlight = Math.Max(peakInFlight, imagesInFlight());
            try
            {
                await Task.Delay(SampleInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (peakResident, peakInFlight);
    }

    /// <summary>Deliveries (edits of <c>@original</c> carrying the image) the fake Discord has fully received.</summary>
    private static int Uploads(FakeDiscordServer discord) => discord.Calls.Count(IsDelivery);

    private static bool IsDelivery(FakeDiscordCall call) =>
        call.Method == "PATCH" && call.Route == OriginalRoute && call.IsMultipart && call.Files.Any();

    /// <summary>The most images at once between their download starting and their upload starting.</summary>
    internal static int PeakOverlap(IEnumerable<DateTimeOffset> downloadStarts, IEnumerable<DateTimeOffset> uploadStarts)
    {
        // At equal times the upload goes first, so a zero-length overlap does not count.
        var events = downloadStarts.Select(t => (At: t, Change: 1)).Concat(uploadStarts.Select(t => (At: t, Change: -1)))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Change);
        int current = 0, peak = 0;
        foreach (var (_, change) in events)
        {
            current += change;
            peak = Math.Max(peak, current);
        }

        return peak;
    }
}
