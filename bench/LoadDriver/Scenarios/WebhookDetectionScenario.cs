using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// How long after Apiframe finishes a job the bot knows it: the same generations with polling only (production
/// intervals), then with <c>Apiframe:WebhookUrl</c> pointing at the bot's public listener, each with a fresh bot. The
/// generations are started one after another over one job time, so jobs end spread out as in steady use. The fake
/// Apiframe sends its webhooks when a job's time is up, signed, like Apiframe.
/// </summary>
internal static class WebhookDetectionScenario
{
    /// <summary>Members 3,000,000… (polling) and 3,100,000… (webhooks), apart from every other scenario's.</summary>
    private const int FirstMember = 3_000_000;

    private const int SecondModeOffset = 100_000;

    public static async Task<WebhookDetectionResult> RunAsync(LoadDriverOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gap = options.JobDuration / options.WebhookGenerations;
        var polling = await RunModeAsync(options, webhooks: false, FirstMember, gap, cancellationToken).ConfigureAwait(false);
        var webhooks = await RunModeAsync(options, webhooks: true, FirstMember + SecondModeOffset, gap, cancellationToken).ConfigureAwait(false);
        return new WebhookDetectionResult(polling, webhooks, options.JobDuration, gap);
    }

    private static async Task<DetectionRun> RunModeAsync(
        LoadDriverOptions options, bool webhooks, int firstMember, TimeSpan gap, CancellationToken cancellationToken)
    {
        var mode = webhooks ? "webhooks" : "polling";
        var source = webhooks ? "webhook" : "poll";
        var settings = new Dictionary<string, string>(options.BotSettings, StringComparer.OrdinalIgnoreCase);
        if (webhooks)
        {
            // As in production behind a reverse proxy, except that Apiframe (the fake) reaches the listener directly.
            var listener = "http://127.0.0.1:" + ScenarioRun.FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Interactions:Urls"] = listener;
            settings["Apiframe:WebhookUrl"] = listener + "/webhooks/apiframe";
        }

        await using var run = await ScenarioRun
            .StartAsync(options with { BotSettings = settings }, "detection-" + mode, options.JobDuration, options.GenerationImageBytes, cancellationToken)
            .ConfigureAwait(false);
        var discord = run.World.Discord;
        var apiframe = run.World.Apiframe;

        var warmup = await ImagineRequests.DispatchAsync(discord, firstMember, options.WarmupGenerations, null, cancellationToken).ConfigureAwait(false);
        await run.WaitUntilAsync(() => warmup.All(ImagineRequests.IsFinished), options.WaitTimeout, "the warm-up generations", cancellationToken)
            .ConfigureAwait(false);
        var jobsBefore = apiframe.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var botBefore = await run.Metrics.NoticeDelayAsync(source, cancellationToken).ConfigureAwait(false);

        var measured = new List<FakeInteraction>(options.WebhookGenerations);
        for (var i = 0; i < options.WebhookGenerations; i++)
        {
            if (i > 0)
            {
                await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
            }

            measured.AddRange(await ImagineRequests
                .DispatchAsync(discord, firstMember + options.WarmupGenerations + i, 1, null, cancellationToken)
                .ConfigureAwait(false));
        }

        await run.WaitUntilAsync(() => measured.All(ImagineRequests.IsFinished), options.WaitTimeout, $"the {mode} generations", cancellationToken)
            .ConfigureAwait(false);
        run.Bot.EnsureRunning();
        var botAfter = await BotHistogramAsync(run, source, (botBefore?.Count ?? 0) + measured.Count, cancellationToken).ConfigureAwait(false);

        var jobs = apiframe.Jobs.Where(j => !jobsBefore.Contains(j.Id)).ToList();
        var deliveries = apiframe.WebhookDeliveries;
        var (detection, byWebhook) = Detection(jobs, apiframe.RequestsTo(FakeRoute.GetJob), deliveries);
        var ends = webhooks ? CompletedDeliveries(jobs, deliveries) : [];
        return new DetectionRun(
            mode,
            measured.Count,
            measured.Count(ImagineRequests.IsFailure),
            Reporting.LatencySummary.Of(detection),
            byWebhook,
            jobs.Count == 0 ? 0 : jobs.Average(j => j.Polls),
            BotSide(botBefore, botAfter),
            webhooks ? Reporting.LatencySummary.Of([.. ends.Select(e => e.SentAt - e.CompletedAt)]) : null,
            webhooks ? Reporting.LatencySummary.Of([.. ends.Select(e => e.AnsweredAt - e.SentAt)]) : null);
    }

    /// <summary>Each measured job's first answered <c>completed</c> webhook: when the job ended, the request went out, the answer came.</summary>
    private static List<(DateTimeOffset CompletedAt, DateTimeOffset SentAt, DateTimeOffset AnsweredAt)> CompletedDeliveries(
        IEnumerable<FakeJobSnapshot> jobs, IReadOnlyList<FakeWebhookDelivery> deliveries) =>
        [.. jobs
            .Select(job => (job.CompletedAt, Delivery: deliveries
                .Where(d => d.JobId == job.Id && d.Event == "completed" && d.Accepted && d.SentAt is not null && d.AnsweredAt is not null)
                .MinBy(d => d.SentAt)))
            .Where(pair => pair.CompletedAt is not null && pair.Delivery is not null)
            .Select(pair => (pair.CompletedAt!.Value, pair.Delivery!.SentAt!.Value, pair.Delivery.AnsweredAt!.Value))];

    /// <summary>
    /// Per finished job, from its <c>completedAt</c> to the earlier of the first poll that found it done and the bot's
    /// answer to its <c>completed</c> webhook (both as the fake Apiframe saw them, on the same clock); and how many
    /// jobs the webhook told first.
    /// </summary>
    internal static (List<TimeSpan> Detection, int ByWebhook) Detection(
        IEnumerable<FakeJobSnapshot> jobs, IReadOnlyList<FakeRecordedRequest> polls, IReadOnlyList<FakeWebhookDelivery> deliveries)
    {
        var detection = new List<TimeSpan>();
        var byWebhook = 0;
        foreach (var job in jobs)
        {
            if (job.CompletedAt is not { } done)
            {
                continue;
            }

            var polled = polls
                .Where(r => r.Path.EndsWith("/" + job.Id, StringComparison.Ordinal) && r.Timestamp >= done)
                .Select(r => (DateTimeOffset?)r.Timestamp)
                .Min();
            var pushed = deliveries
                .Where(d => d.JobId == job.Id && d.Event == "completed" && d.Accepted)
                .Select(d => d.AnsweredAt)
                .Min();
            DateTimeOffset? known = pushed is { } p && (polled is null || p <= polled) ? p : polled;
            if (known is not { } at)
            {
                continue;
            }

            if (pushed is not null && at == pushed)
            {
                byWebhook++;
            }

            detection.Add(at > done ? at - done : TimeSpan.Zero);
        }

        return (detection, byWebhook);
    }

    /// <summary>
    /// The bot's notice-delay histogram of <paramref name="source"/> once it counts <paramref name="expected"/> jobs
    /// (the exporter caches a scrape for a moment); the last one read after 5 s otherwise.
    /// </summary>
    private static async Task<Child.PrometheusHistogram?> BotHistogramAsync(ScenarioRun run, string source, long expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var histogram = await run.Metrics.NoticeDelayAsync(source, cancellationToken).ConfigureAwait(false);
            if (histogram is null || histogram.Count >= expected || DateTime.UtcNow > deadline)
            {
                return histogram;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private static BotNoticeDelay? BotSide(Child.PrometheusHistogram? before, Child.PrometheusHistogram? after)
    {
        if (before is null || after is null)
        {
            return null;
        }

        var during = after.Minus(before);
        return during.Count == 0 ? null : new BotNoticeDelay(during.Count, during.Percentile(50)!.Value, during.Percentile(95)!.Value);
    }
}
