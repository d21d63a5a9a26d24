using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Everything the bot logged (every level, scopes and exceptions) over a run with a delivered image, a failed job, a
/// rejected API key and a Discord error, plus what /healthz and /metrics show, contains no secret.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private const ulong OperatorChannelId = 1100000000000000778;

    private BotHarness _bot = null!;

    // Every level of every category: appsettings.json keeps Microsoft, HttpClient and Polly at Warning, which would
    // hide exactly the request logs (URLs with interaction tokens) this test is about.
    public async Task InitializeAsync() => _bot = await OperationsHarness.StartWithHealthAsync(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        ["Logging:LogLevel:Polly"] = "Trace",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Neither_the_Discord_token_nor_the_Apiframe_key_nor_interaction_tokens_appear_anywhere()
    {
        var interactions = new List<FakeInteraction>();

        // A delivered image.
        var delivered = await _bot.Discord.SlashCommand("imagine").By(42, "ada").WithString("prompt", "a quiet harbour").DispatchAsync();
        interactions.Add(delivered);
        await delivered.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(20));

        // A job Apiframe fails: the hold is released, nothing is charged.
        _bot.Apiframe.PlanNextJobs(FakeJobPlan.Fails());
        var failed = await _bot.Discord.SlashCommand("imagine").By(43, "grace").WithString("prompt", "a storm at sea").DispatchAsync();
        interactions.Add(failed);
        await Eventually.Until(
            () => _bot.Get<ICreditLedger>().GetBalance(new CreditMember(new CreditScope(BotHarness.GuildId, 43), [])),
            balance => balance is { Held: 0, Available: > 0 } && _bot.Apiframe.Jobs.Any(job => job.Status == "FAILED"),
            "the failed job's hold to be released");

        // Apiframe rejects the key: an operator alert, whose post to the operator channel Discord refuses (an exception logged).
        _bot.Get<IServerStore>().SetAlertChannel(OperatorChannelId, FakeDiscordServer.DefaultUserId);
        _bot.Discord.SetChannelError(OperatorChannelId, 403, 50013, "Missing Permissions");
        _bot.Apiframe.InjectFault(FakeRoute.Generate, FakeFault.Status(401, "Invalid API key"));
        var rejected = await _bot.Discord.SlashCommand("imagine").By(44, "linus").WithString("prompt", "a paper crane").DispatchAsync();
        interactions.Add(rejected);
        await Eventually.Until(
            () => _bot.Logs.Lines.Any(line => line.Message.Contains("Posting to the operator channel", StringComparison.Ordinal) && line.Exception is not null),
            "the refused operator-channel post");

        var (_, health, _) = await _bot.GetAsync("/healthz");
        var (_, metrics, _) = await _bot.GetAsync("/metrics");
        await _bot.StopBotAsync();

        var everything = _bot.Logs.AllText + "\n" + health + "\n" + metrics;
        Assert.NotEmpty(_bot.Logs.Lines);

        // The categories really logged at their lowest level (else the test would prove nothing about them).
        Assert.Contains(_bot.Logs.Lines, line => line.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && line.Level <= Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.Contains(_bot.Logs.Lines, line => line.Level == Microsoft.Extensions.Logging.LogLevel.Trace);
        foreach (var (what, secret) in Secrets(interactions))
        {
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"The {what} appears in the logs or endpoints.");
        }
    }

    private IEnumerable<(string What, string Secret)> Secrets(IEnumerable<FakeInteraction> interactions)
    {
        var token = _bot.Discord.Token;
        yield return ("Discord token", token);
        yield return ("Discord token's signature part", token[(token.LastIndexOf('.') + 1)..]);
        yield return ("Apiframe key", _bot.Apiframe.ApiKey);
        yield return ("Apiframe key without its prefix", _bot.Apiframe.ApiKey["afk_".Length..]);
        foreach (var interaction in interactions)
        {
            yield return ($"token of interaction {interaction.Id}", interaction.Token);
        }
    }
}
