namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// Tests that change the process's environment variables. xUnit runs this collection on its own, after the parallel
/// ones, so no other host reads a variable meant for these tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
