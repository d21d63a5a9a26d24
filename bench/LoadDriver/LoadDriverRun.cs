using System.Diagnostics;
using SeedreamBot.Bench.LoadDriver.Reporting;
using SeedreamBot.Bench.LoadDriver.Scenarios;

namespace SeedreamBot.Bench.LoadDriver;

/// <summary>Runs the selected scenarios one after another (each with its own bot) and collects the report.</summary>
internal static class LoadDriverRun
{
    public const string TargetsFile = "load-targets.md";

    public const string DetailsFile = "load-details.md";

    public static async Task<LoadReport> RunAsync(LoadDriverOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var report = new LoadReport(options);
        if (options.RunIdle)
        {
            await Step(progress, $"idle ({options.IdleTime.TotalSeconds:0} s)", async () =>
                report.Idle = await IdleScenario.RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.RunAck)
        {
            foreach (var size in options.AckBurstSizes)
            {
                await Step(progress, $"ack burst of {size}", async () =>
                    report.AckBursts.Add(await AckBurstScenario.RunAsync(options, size, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        if (options.RunGenerations)
        {
            await Step(progress, $"{options.Generations} complete generations", async () =>
                report.Generations = await GenerationCostScenario.RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.RunWebhooks)
        {
            await Step(progress, $"{options.WebhookGenerations} generations polled, then {options.WebhookGenerations} with webhooks", async () =>
                report.Webhooks = await WebhookDetectionScenario.RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.RunLarge)
        {
            await Step(progress, $"{options.LargeResults} large results", async () =>
                report.Large = await LargeResultScenario.RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.OutputDirectory is { } output)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, TargetsFile), report.TargetRows(), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(output, DetailsFile), report.Details(), cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private static async Task Step(TextWriter progress, string name, Func<Task> step)
    {
        await progress.WriteLineAsync($"load: {name}…").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await step().ConfigureAwait(false);
        await progress.WriteLineAsync($"load: {name} done in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
    }
}
