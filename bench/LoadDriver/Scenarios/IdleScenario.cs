namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>Starts the bot, lets it sit connected for a while, and reads its working set.</summary>
internal static class IdleScenario
{
    public static async Task<IdleResult> RunAsync(LoadDriverOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var run = await ScenarioRun.StartAsync(options, "idle", options.JobDuration, 0, cancellationToken).ConfigureAwait(false);
        await Task.Delay(options.IdleTime, cancellationToken).ConfigureAwait(false);
        run.Bot.EnsureRunning();
        return new IdleResult(run.Startup, options.IdleTime, run.Bot.ReadMemory().ResidentBytes, run.Bot.CpuTime);
    }
}
