using SeedreamBot.Bench.LoadDriver.Child;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// N members run <c>/imagine</c> at the same moment; per interaction, the time from the gateway dispatch leaving the
/// fake to the callback reaching it (the fake times both on one clock), and how many missed the 3-second window.
/// </summary>
internal static class AckBurstScenario
{
    private const string CallbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback";

    private const int WarmupRound = 10;

    private static readonly TimeSpan TierUpPause = TimeSpan.FromSeconds(1);

    /// <summary>Time after the fake's deadline for a late callback to arrive and be refused.</summary>
    private static readonly TimeSpan LateAnswerGrace = TimeSpan.FromSeconds(5);

    public static async Task<AckBurstResult> RunAsync(LoadDriverOptions options, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var run = await ScenarioRun
            .StartAsync(options, $"ack-{size}", options.JobDuration, 0, cancellationToken)
            .ConfigureAwait(false);
        var discord = run.World.Discord;

        // Warm-up from other members, a few at a time: the first interactions after start pay for JIT compilation
        // (tier 0 first, optimized code after about 30 calls), which a bot that has been running has long paid.
        for (var warmed = 0; warmed < options.WarmupInteractions; warmed += WarmupRound)
        {
            var round = await ImagineRequests
                .DispatchAsync(discord, 100_000 + warmed, Math.Min(WarmupRound, options.WarmupInteractions - warmed), null, cancellationToken)
                .ConfigureAwait(false);
            await run.WaitUntilAsync(() => round.All(i => i.InitialResponse is not null), options.WaitTimeout, "the warm-up answers", cancellationToken)
                .ConfigureAwait(false);
        }

        // Time for the runtime to swap in the optimized code it compiles in the background.
        await Task.Delay(TierUpPause, cancellationToken).ConfigureAwait(false);

        var before = await BotHistogramAsync(run, options.WarmupInteractions, cancellationToken).ConfigureAwait(false);

        var cpuBefore = run.Bot.CpuTime;
        var fakesCpuBefore = DriverCpuTime();
        var burst = await ImagineRequests.DispatchAsync(discord, 0, size, null, cancellationToken).ConfigureAwait(false);
        var lastDispatch = burst.Max(i => i.DispatchedTimestamp);
        await run.WaitUntilAsync(
            () => burst.All(i => i.InitialResponse is not null)
                  || discord.TimeProvider.GetElapsedTime(lastDispatch) > options.AckWindow + LateAnswerGrace,
            options.WaitTimeout,
            "the burst's answers",
            cancellationToken).ConfigureAwait(false);
        var cpu = run.Bot.CpuTime - cpuBefore;
        var fakesCpu = DriverCpuTime() - fakesCpuBefore;
        run.Bot.EnsureRunning();

        var answered = burst.Where(i => i.AckLatency is not null).ToList();
        var after = before is null
            ? null
            : await BotHistogramAsync(run, before.Count + answered.Count, cancellationToken).ConfigureAwait(false);
        var botSide = before is not null && after?.Minus(before) is { Count: > 0 } during
            ? new BotAckLatency(during.Count, during.Percentile(50)!.Value, during.Percentile(99)!.Value)
            : null;
        var tokens = burst.Select(i => i.Token).ToHashSet(StringComparer.Ordinal);
        var unknown = discord.Calls.Count(call =>
            call.Route == CallbackRoute
            && call.StatusCode == 404
            && tokens.Contains(call.RouteValues["interaction_token"]));
        var firstDispatch = burst.Min(i => i.DispatchedTimestamp);
        return new AckBurstResult(
            size,
            Reporting.LatencySummary.Of(answered.Select(i => i.AckLatency!.Value).ToList()),
            size - answered.Count,
            unknown,
            answered.Count(i => i.InitialResponse is not { Type: 5, IsEphemeral: false }),
            discord.TimeProvider.GetElapsedTime(firstDispatch, lastDispatch),
            botSide,
            cpu / size,
            fakesCpu / size);
    }

    /// <summary>This process's CPU time: the fakes, which share the machine's cores with the bot.</summary>
    private static TimeSpan DriverCpuTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// The bot's ack histogram once it counts <paramref name="expected"/> interactions (it records each after its
    /// handler finished, and the exporter caches a scrape for a moment); the last one read after 5 s otherwise.
    /// </summary>
    private static async Task<PrometheusHistogram?> BotHistogramAsync(ScenarioRun run, long expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var histogram = await run.Metrics.AckLatencyAsync(cancellationToken).ConfigureAwait(false);
            if (histogram is null || histogram.Count >= expected || DateTime.UtcNow > deadline)
            {
                return histogram;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
