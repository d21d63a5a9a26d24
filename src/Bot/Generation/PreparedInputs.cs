using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// A generation's inputs made ready for Apiframe: a link Apiframe can fetch now for each, and where each lives for
/// next time; or, when some cannot be used, what to tell the member (then nothing is started).
/// </summary>
public sealed record PreparedInputs(IReadOnlyList<string> Urls, IReadOnlyList<GenerationInput> Inputs, IReadOnlyList<string> Problems)
{
    public static PreparedInputs None { get; } = new([], [], []);

    public bool Ready => Problems.Count == 0;

    public static PreparedInputs Failed(IReadOnlyList<string> problems) => new([], [], problems);
}
