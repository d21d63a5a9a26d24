using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Jobs;

/// <summary>Either the started generation (and its place in line when it has to wait) or why it was refused.</summary>
public sealed record StartGenerationResult(GenerationRecord? Generation, QueueStatus? Queue, StartRefusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Generation))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Started => Refusal is null;

    public static StartGenerationResult Accepted(GenerationRecord generation, QueueStatus? queue) => new(generation, queue, null);

    public static StartGenerationResult Refused(StartRefusal refusal) => new(null, null, refusal);
}
