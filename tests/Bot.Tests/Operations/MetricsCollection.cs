namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Tests that read exact metric values. OpenTelemetry listens to instruments by meter name across the whole process,
/// so a host running in parallel would add its own generations to these counts; xUnit runs this collection alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metric values";
}
