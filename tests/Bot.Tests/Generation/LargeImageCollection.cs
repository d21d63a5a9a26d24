namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// Tests that make and re-encode 3K photos run one class at a time, apart from the rest: on two cores the seconds of
/// image work would otherwise delay other tests' 3-second interaction answers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeImageCollection
{
    public const string Name = "Tests with 3K photo results";
}
