namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The Dockerfile tests restore and publish the bot (a whole build, minutes of both cores). xUnit runs this collection
/// alone, after the others, so the build never runs beside the timing-sensitive end-to-end tests (Discord's 3-second
/// window, heartbeats, progress spacing).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerImageCollection
{
    public const string Name = "Docker image build";
}
