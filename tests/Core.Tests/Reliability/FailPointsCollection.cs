namespace SeedreamBot.Core.Tests.Reliability;

/// <summary>Fail points are process-wide: the tests that arm one run alone, so no other test trips it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailPointsCollection
{
    public const string Name = "Fail points (process-wide)";
}
