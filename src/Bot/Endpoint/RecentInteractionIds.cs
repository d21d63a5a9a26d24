using System.Collections.Concurrent;
using SeedreamBot.Discord.Interactions;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>
/// Interaction ids answered in the last few minutes. A signed request is accepted for
/// <see cref="InteractionSignatureVerifier.MaxClockDifference"/> either way, so within that window the same interaction
/// could be POSTed again (a replay, or a retry); it must not start a second generation.
/// </summary>
public sealed class RecentInteractionIds(TimeProvider time)
{
    private static readonly TimeSpan Window = InteractionSignatureVerifier.MaxClockDifference * 2;

    private readonly ConcurrentDictionary<ulong, long> _seen = new();
    private long _lastSweep = time.GetTimestamp();

    /// <summary>True the first time an id is seen within the window.</summary>
    public bool TryAdd(ulong interactionId)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) > Window && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
        {
            foreach (var (id, seenAt) in _seen)
            {
                if (time.GetElapsedTime(seenAt, now) > Window)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }

        return _seen.TryAdd(interactionId, now);
    }
}
