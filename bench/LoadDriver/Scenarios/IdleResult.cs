namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>The bot connected and doing nothing.</summary>
/// <param name="Startup">From process start to commands registered.</param>
/// <param name="IdleTime">How long it sat idle before <paramref name="WorkingSetBytes"/> was read.</param>
/// <param name="WorkingSetBytes">Resident memory (VmRSS) after the idle time.</param>
/// <param name="CpuTime">CPU used from start to the end of the idle time.</param>
internal sealed record IdleResult(TimeSpan Startup, TimeSpan IdleTime, long WorkingSetBytes, TimeSpan CpuTime);
