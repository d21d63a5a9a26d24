using System.Text.Json.Nodes;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// M complete generations started at once (after a warm-up), with production polling and progress intervals and a
/// realistic job time: the bot's CPU time, REST calls, polls and progress edits per generation, and its peak memory.
/// </summary>
internal static class GenerationCostScenario
{
    private const string OriginalRoute = "/webhooks/{application_id}/{interaction_token}/messages/@original";

    /// <summary>Members 2,000,000… so that no scenario's members overlap another's.</summary>
    private const int FirstMember = 2_000_000;

    public static async Task<GenerationCostResult> RunAsync(LoadDriverOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var run = await ScenarioRun
            .StartAsync(options, "generations", options.JobDuration, options.GenerationImageBytes, cancellationToken)
            .ConfigureAwait(false);
        var discord = run.World.Discord;
        var apiframe = run.World.Apiframe;

        // Warm-up: JIT, connection pools and the first database pages are paid before measuring.
        var warmup = await ImagineRequests.DispatchAsync(discord, FirstMember, options.WarmupGenerations, null, cancellationToken).ConfigureAwait(false);
        await run.WaitUntilAsync(() => warmup.All(ImagineRequests.IsFinished), options.WaitTimeout, "the warm-up generations", cancellationToken)
            .ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);

        var callsBefore = discord.Calls.Count;
        var requestsBefore = apiframe.Requests.Count;
        var jobsBefore = apiframe.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var cpuBefore = run.Bot.CpuTime;

        var measured = await ImagineRequests
            .DispatchAsync(discord, FirstMember + options.WarmupGenerations, options.Generations, null, cancellationToken)
            .ConfigureAwait(false);
        await run.WaitUntilAsync(() => measured.All(ImagineRequests.IsFinished), options.WaitTimeout, "the measured generations", cancellationToken)
            .ConfigureAwait(false);

        // Let the settle and the last log lines happen inside the window: they are part of a generation's cost.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        var cpu = run.Bot.CpuTime - cpuBefore;
        run.Bot.EnsureRunning();

        var calls = discord.Calls.Skip(callsBefore).ToList();
        var requests = apiframe.Requests.Skip(requestsBefore).ToList();
        var jobs = apiframe.Jobs.Where(j => !jobsBefore.Contains(j.Id)).ToList();
        var progressEdits = measured.Select(interaction => EditTimes(calls, interaction, GenerationMessages.Working)).ToList();
        var queueEdits = measured.Select(interaction => EditTimes(calls, interaction, GenerationMessages.Waiting)).ToList();
        var progressGaps = Gaps(discord, progressEdits);
        var anyGaps = Gaps(discord, progressEdits.Zip(queueEdits, (progress, queue) => progress.Concat(queue).Order().ToList()));
        var wall = measured
            .Select(interaction => DeliveredAt(calls, interaction) is { } delivered ? delivered - interaction.DispatchedAt : (TimeSpan?)null)
            .OfType<TimeSpan>()
            .ToList();
        var count = options.Generations;

        // Means are linear, so the mean of each stage is the difference of the mean timestamps around it: no need
        // to pair every interaction with its job.
        var dispatched = Mean(measured.Select(i => i.DispatchedAt));
        var submitted = Mean(requests.Where(r => r.Route == FakeRoute.Generate).Select(r => r.Timestamp));
        var noticed = Mean(requests.Where(r => r.Route == FakeRoute.GetJob).GroupBy(r => r.Path).Select(polls => polls.Max(r => r.Timestamp)));
        var downloaded = Mean(requests.Where(r => r.Route == FakeRoute.Cdn).Select(r => r.Timestamp));
        var delivered = Mean(measured.Select(i => DeliveredAt(calls, i)).OfType<DateTimeOffset>());
        var stages = new GenerationStages(
            submitted - dispatched,
            noticed - submitted - options.JobDuration,
            downloaded - noticed,
            delivered - downloaded);
        return new GenerationCostResult(
            count,
            measured.Count(ImagineRequests.IsFailure),
            options.JobDuration,
            options.GenerationImageBytes,
            wall.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)wall.Average(w => w.Ticks)),
            cpu / count,
            (double)calls.Count / count,
            calls.Count(call => call.StatusCode == 429),
            (double)requests.Count(r => r.Route != FakeRoute.Cdn) / count,
            (double)requests.Count(r => r.Route == FakeRoute.Cdn) / count,
            jobs.Count == 0 ? 0 : jobs.Average(j => j.Polls),
            jobs.Count == 0 ? 0 : jobs.Max(j => j.Polls),
            progressEdits.Average(e => e.Count),
            progressEdits.Max(e => e.Count),
            progressGaps.Count == 0 ? null : progressGaps.Min(),
            queueEdits.Average(e => e.Count),
            anyGaps.Count == 0 ? null : anyGaps.Min(),
            run.Bot.ReadMemory().PeakResidentBytes,
            stages);
    }

    private static DateTimeOffset Mean(IEnumerable<DateTimeOffset> times)
    {
        var list = times.ToList();
        return list.Count == 0 ? default : new DateTimeOffset((long)list.Average(t => (double)t.UtcTicks), TimeSpan.Zero);
    }

    /// <summary>
    /// Arrival timestamps of the accepted edits of <c>@original</c> without a file (so not the delivery) whose embed
    /// has <paramref name="color"/>: the generation messages tell progress from queue position by colour. A 429 and
    /// its retry are one edit.
    /// </summary>
    private static List<long> EditTimes(List<FakeDiscordCall> calls, FakeInteraction interaction, int color) =>
        calls
            .Where(call => IsOriginalEdit(call, interaction) && call.StatusCode == 200 && !call.Files.Any() && EmbedColor(call) == color)
            .Select(call => call.ReceivedTimestamp)
            .Order()
            .ToList();

    private static List<TimeSpan> Gaps(FakeDiscordServer discord, IEnumerable<List<long>> timesPerMessage) =>
        timesPerMessage
            .SelectMany(times => times.Zip(times.Skip(1), (earlier, later) => discord.TimeProvider.GetElapsedTime(earlier, later)))
            .ToList();

    private static int? EmbedColor(FakeDiscordCall call) =>
        call.Json?["embeds"] is JsonArray { Count: > 0 } embeds && embeds[0]?["color"] is JsonValue color && color.TryGetValue<int>(out var value)
            ? value
            : null;

    private static DateTimeOffset? DeliveredAt(List<FakeDiscordCall> calls, FakeInteraction interaction) =>
        calls.FirstOrDefault(call => IsOriginalEdit(call, interaction) && call.Files.Any() && call.StatusCode == 200)?.ReceivedAt;

    private static bool IsOriginalEdit(FakeDiscordCall call, FakeInteraction interaction) =>
        call.Method == "PATCH"
        && call.Route == OriginalRoute
        && string.Equals(call.RouteValues["interaction_token"], interaction.Token, StringComparison.Ordinal);
}
