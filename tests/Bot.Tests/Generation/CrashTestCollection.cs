namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// The crash tests that start the built bot as a child process run one at a time: each starts a second .NET process,
/// and on two cores several at once would only measure the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashTestCollection
{
    public const string Name = "Crash tests with a killed bot process";
}
