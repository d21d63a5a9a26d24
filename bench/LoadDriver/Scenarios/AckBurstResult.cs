using SeedreamBot.Bench.LoadDriver.Reporting;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>One burst of simultaneous <c>/imagine</c> commands.</summary>
/// <param name="Size">Interactions dispatched at once.</param>
/// <param name="Latency">Dispatch leaving the fake → callback reaching it, over the answered ones.</param>
/// <param name="Missed">Interactions without an accepted answer within Discord's 3 s (the fake answered 10062, or nothing came).</param>
/// <param name="UnknownInteractionErrors">Callbacks the fake refused with 10062 Unknown interaction.</param>
/// <param name="NotDeferred">Answered otherwise than with a public deferral (a refusal would show here).</param>
/// <param name="DispatchSpread">From the first dispatch leaving the fake to the last one.</param>
/// <param name="CpuPerInteraction">The bot's CPU time from the burst until all were answered, per interaction (includes starting the generations meanwhile).</param>
/// <param name="FakesCpuPerInteraction">The driver's CPU time over the same window, per interaction: the fakes share the cores with the bot.</param>
/// <param name="BotSide">The bot's own view (gateway receive → callback accepted) from its /metrics histogram; null when unavailable.</param>
internal sealed record AckBurstResult(
    int Size,
    LatencySummary Latency,
    int Missed,
    int UnknownInteractionErrors,
    int NotDeferred,
    TimeSpan DispatchSpread,
    BotAckLatency? BotSide,
    TimeSpan CpuPerInteraction,
    TimeSpan FakesCpuPerInteraction);
