using LiteDB;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Tests.Operations;
using SeedreamBot.Core.Storage;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// The built bot as a child process against the fakes, ending for a reason it cannot fix itself: a documented
/// non-zero exit code (a supervisor's Restart=on-failure sees it), one paragraph on stderr, and no stack trace.
/// </summary>
public sealed class ExitCodeProcessTests : IAsyncLifetime
{
    private const string WrongToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.a-token-that-was-reset_0123456789";

    private readonly string _workDir = Directory.CreateTempSubdirectory("seedreambot-exit-").FullName;
    private BotHarness _fakes = null!;

    public async Task InitializeAsync() => _fakes = await BotHarness.StartFakesAsync(new BotHarnessOptions
    {
        Settings = { ["Logging:LogLevel:Default"] = "Information" },
    });

    public async Task DisposeAsync()
    {
        await _fakes.DisposeAsync();
        Directory.Delete(_workDir, recursive: true);
    }

    [Fact]
    public async Task A_token_REST_rejects_with_401_ends_the_bot_with_exit_code_1_and_one_paragraph()
    {
        var run = await RunAsync(("Discord__Token", WrongToken));

        AssertExitCode(ExitCodes.DiscordRefused, run);
        var paragraph = OneParagraph(run);
        Assert.StartsWith("Discord rejected the bot token (401 on ", paragraph, StringComparison.Ordinal);
        Assert.Contains("Reset Token", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_only_the_gateway_rejects_with_4004_ends_the_bot_with_exit_code_1_and_one_paragraph()
    {
        // REST accepts the token; the gateway closes the Identify with 4004 (possibly before commands are registered).
        _fakes.Gateway.Options.Token = "some-other-token";

        var run = await RunAsync();

        AssertExitCode(ExitCodes.DiscordRefused, run);
        var paragraph = OneParagraph(run);
        Assert.Contains("4004", paragraph, StringComparison.Ordinal);
        Assert.Contains("Discord rejected the bot token", paragraph, StringComparison.Ordinal);
        Assert.Contains(_fakes.Discord.Calls, call => call.Path == "/gateway/bot" && call.StatusCode == 200);
        Assert.DoesNotContain(_fakes.Discord.Calls, call => call.StatusCode == 401);
    }

    [Fact]
    public async Task A_background_task_that_fails_stops_the_bot_with_exit_code_3_not_0()
    {
        // An unreadable unfinished generation makes the start-up recovery fail: the bot cannot vouch for credits.
        using (var database = new SeedreamDatabase(_fakes.DatabasePath))
        {
            database.Write(db => db.GetCollection("generations").Insert(new BsonDocument
            {
                ["_id"] = "brokenrecord01",
                ["State"] = "Queued",
                ["Size"] = "NotASize",
                ["CreatedAt"] = DateTime.UtcNow,
            }));
        }

        var run = await RunAsync();

        AssertExitCode(ExitCodes.Fault, run);
        var paragraph = OneLine(run.StandardError);
        Assert.StartsWith("SeedreamBot stopped because its background task GenerationHostedService failed", paragraph, StringComparison.Ordinal);
    }

    private static void AssertExitCode(int expected, BotProcess run) =>
        Assert.True(run.ExitCode == expected, $"Exit code {run.ExitCode}, expected {expected}.\nstdout:\n{run.StandardOutput}\nstderr:\n{run.StandardError}");

    private Task<BotProcess> RunAsync(params (string Name, string Value)[] extra) =>
        BotProcess.RunAsync(RunningBotProcess.EnvironmentFor(_fakes, extra), _workDir, BotProcess.BotAssembly);

    /// <summary>One paragraph on stderr, no stack trace and no "BackgroundService failed" anywhere; returns it.</summary>
    private static string OneParagraph(BotProcess run)
    {
        var all = run.StandardOutput + run.StandardError;
        Assert.False(all.Contains("   at ", StringComparison.Ordinal), "A stack trace was written:\n" + all);
        Assert.False(all.Contains("BackgroundService failed", StringComparison.Ordinal), "A background service failed:\n" + all);
        Assert.False(all.Contains("Exception", StringComparison.Ordinal), "An exception was written:\n" + all);
        return OneLine(run.StandardError);
    }

    private static string OneLine(string text)
    {
        var paragraph = text.Trim();
        Assert.False(string.IsNullOrEmpty(paragraph), "Nothing was written to stderr.");
        Assert.DoesNotContain('\n', paragraph);
        return paragraph;
    }
}
