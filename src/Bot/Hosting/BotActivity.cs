using SeedreamBot.Bot.Interactions;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// What the bot is busy with: interactions being answered and generations waiting or running. With no work left and
/// no event from Discord unread, it does nothing until the next event, so a test that asserts "nothing else
/// happened" (no duplicate delivery, no job for a refused request) waits for this instead of for some time to pass.
/// </summary>
public sealed class BotActivity(InteractionDispatcher interactions, GenerationScheduler generations)
{
    /// <summary>Interactions being answered right now.</summary>
    public int InteractionsInFlight => interactions.InFlight;

    /// <summary>Generations waiting or running.</summary>
    public int UnfinishedGenerations => generations.Unfinished;

    /// <summary>True when nothing is being answered and no generation waits or runs.</summary>
    public bool IsIdle => interactions.InFlight == 0 && generations.Unfinished == 0;

    /// <summary>
    /// True when every dispatch up to <paramref name="sequence"/> of <paramref name="shardId"/>'s session has been
    /// taken from the gateway, and nothing is being answered and no generation waits or runs.
    /// </summary>
    public bool IsIdleAfter(int shardId, int sequence) =>
        interactions.LastTakenSequence(shardId) >= sequence && IsIdle;

    /// <summary>A one-line summary for diagnostics and timeouts.</summary>
    public override string ToString() =>
        $"{InteractionsInFlight} interaction(s) in flight, {UnfinishedGenerations} generation(s) waiting or running";
}
