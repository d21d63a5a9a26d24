using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The real built bot as a child process against the fakes, read from its console as an operator reads it: every
/// line of a generation names the interaction or the generation and its Apiframe job, in words by default and as
/// values with <c>Logging:Format=json</c>.
/// </summary>
public sealed class ConsoleLogProcessTests : IAsyncLifetime
{
    private const ulong User = 42;

    private readonly string _workDir = Directory.CreateTempSubdirectory("seedreambot-console-").FullName;
    private BotHarness _fakes = null!;

    // The bot's own default log level, not the harness's Trace: the console an operator sees.
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
    public async Task The_default_console_format_writes_the_scopes_as_words()
    {
        await using var bot = StartBot();
        var (generationId, jobId) = await ImagineAsync(bot);

        var submitted = await bot.WaitForLineAsync(line => line.Contains($"submitted as Apiframe job {jobId}", StringComparison.Ordinal), "the submission");
        Assert.Contains($"=> Generation {generationId} (guild {FakeDiscordServer.DefaultGuildId}, user {User})", submitted, StringComparison.Ordinal);
        var delivered = await bot.WaitForLineAsync(line => line.Contains($"Generation {generationId} delivered", StringComparison.Ordinal), "the delivery");
        Assert.Contains($"=> Apiframe job {jobId}", delivered, StringComparison.Ordinal);
        Assert.Contains(bot.Lines, line => line.Contains($"=> Interaction imagine ", StringComparison.Ordinal) && line.Contains($"user {User})", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Lines, line => line.Contains("System.Collections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_console_format_writes_one_object_per_line_with_the_scopes_as_values()
    {
        await using var bot = StartBot(("Logging__Format", "json"));
        var (generationId, jobId) = await ImagineAsync(bot);

        var delivered = await bot.WaitForLineAsync(line => line.Contains($"Generation {generationId} delivered", StringComparison.Ordinal), "the delivery");
        using var entry = JsonDocument.Parse(delivered);
        var scopes = entry.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        var generation = Assert.Single(scopes, scope => scope.TryGetProperty("GenerationId", out _));
        Assert.Equal(generationId, generation.GetProperty("GenerationId").GetString());
        Assert.Equal(User.ToString(CultureInfo.InvariantCulture), generation.GetProperty("UserId").ToString());
        var job = Assert.Single(scopes, scope => scope.TryGetProperty("JobId", out _));
        Assert.Equal(jobId, job.GetProperty("JobId").GetString());

        foreach (var line in bot.Lines.Where(line => line.StartsWith('{')))
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.True(parsed.RootElement.TryGetProperty("LogLevel", out _), line);
        }

        Assert.Contains(bot.Lines, line => line.Contains("\"InteractionId\"", StringComparison.Ordinal) && line.Contains("\"Command\":\"imagine\"", StringComparison.Ordinal));
    }

    private RunningBotProcess StartBot(params (string Name, string Value)[] extra) => RunningBotProcess.StartAgainst(_fakes, _workDir, extra);

    /// <summary>Waits for the bot to register its commands and be connected, then has a member imagine an image until it is posted.</summary>
    private async Task<(string GenerationId, string JobId)> ImagineAsync(RunningBotProcess bot)
    {
        // Commands are registered over REST while the gateway connects: an interaction needs both.
        await _fakes.Discord.WaitForCallAsync(call => call.Method == "PUT" && call.Path.Contains("/commands", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await _fakes.Gateway.WaitForReadyAsync(timeout: TimeSpan.FromSeconds(30));
        var imagine = await _fakes.Discord.SlashCommand("imagine").By(User, "ada").WithString("prompt", "a lighthouse at dawn").DispatchAsync();
        try
        {
            await imagine.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + " The bot wrote:\n" + string.Join('\n', bot.Lines), exception);
        }

        var job = Assert.Single(_fakes.Apiframe.Jobs);
        var submitted = await bot.WaitForLineAsync(line => line.Contains($"submitted as Apiframe job {job.Id}", StringComparison.Ordinal), "the submission");
        return (Regex.Match(submitted, @"Generation (\w+) submitted as").Groups[1].Value, job.Id);
    }
}
