using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Harness;

/// <summary>How a <see cref="BotHarness"/> sets up the fakes and the bot.</summary>
public sealed class BotHarnessOptions
{
    private FakeDiscordOptions? _discord;
    private FakeApiframeOptions? _apiframe;

    /// <summary>The wall clock shared by the bot and both fakes (unless fake options with their own clock are given).</summary>
    public ShiftedClock Clock { get; init; } = new();

    public FakeDiscordOptions Discord
    {
        get => _discord ??= new FakeDiscordOptions { TimeProvider = Clock };
        init => _discord = value;
    }

    public FakeApiframeOptions Apiframe
    {
        get => _apiframe ??= new FakeApiframeOptions { TimeProvider = Clock };
        init => _apiframe = value;
    }

    /// <summary>
    /// Extra or overriding bot configuration (e.g. <c>Credits:DefaultAllowance</c>); null removes a harness default.
    /// Read at every start, so a test may change it between restarts.
    /// </summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>The LiteDB file; a fresh temporary one when null.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// Interactions over HTTP instead of the gateway: the bot gets the fake's public key and a listener, the fake
    /// Discord validates the endpoint like the developer portal and POSTs every interaction there, and the bot runs
    /// without a gateway connection (<c>Discord:Gateway=false</c>).
    /// </summary>
    public bool HttpInteractions { get; init; }

    /// <summary>
    /// Apiframe webhooks on: <c>Apiframe:WebhookUrl</c> points at the bot's listener, and the safety-net poll runs every
    /// half second (override <c>Apiframe:WebhookPollInterval</c> in <see cref="Settings"/>).
    /// </summary>
    public bool Webhooks { get; init; }

    /// <summary>Also write the bot's logs to the console (handy when a test fails).</summary>
    public bool LogToConsole { get; init; } = Environment.GetEnvironmentVariable("SEEDREAMBOT_TEST_LOGS") == "1";
}
