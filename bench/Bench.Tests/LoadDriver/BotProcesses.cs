namespace SeedreamBot.Bench.Tests.LoadDriver;

/// <summary>Tests that start bot processes run one at a time: two at once would only slow each other down.</summary>
[CollectionDefinition(Name)]
public sealed class BotProcesses
{
    public const string Name = "Bot processes";
}
