using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Bot.Interactions;

/// <summary>How interactions are handled (section <c>Interactions</c>).</summary>
public sealed class InteractionOptions
{
    public const string SectionName = "Interactions";

    /// <summary>
    /// Interactions handled at once. More wait in line (none is dropped) and a warning is logged, so a burst cannot
    /// start an unbounded number of tasks; each waits a few milliseconds for a free slot, well inside Discord's 3 s.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Interactions:MaxConcurrent must be between 1 and 10000 (default 64).")]
    public int MaxConcurrent { get; set; } = 64;
}
