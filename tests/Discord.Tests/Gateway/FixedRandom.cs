namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>A "random" source that always returns the same value, for deterministic jitter.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
