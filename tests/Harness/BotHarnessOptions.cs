using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Harness;

/// <summary>How a <see cref="BotHarness"/> sets up the fakes and the bot.</summary>
public sealed class BotHarnessOptions
{
    public FakeDiscordOptions Discord { get; init; } = new();

    public FakeApiframeOptions Apiframe { get; init; } = new();

    /// <summary>
    /// Extra or overriding bot configuration (e.g. <c>Credits:DefaultAllowance</c>); null removes a harness default.
    /// Read at every start, so a test may change it between restarts.
    /// </summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>The LiteDB file; a fresh temporary one when null.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Also write the bot's logs to the console (handy when a test fails).</summary>
    public bool LogToConsole { get; init; } = Environment.GetEnvironmentVariable("SEEDREAMBOT_TEST_LOGS") == "1";
}
