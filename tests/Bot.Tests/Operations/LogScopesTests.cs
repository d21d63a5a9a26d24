using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Log lines say which interaction and which generation they belong to, in words an operator can read on the
/// console (the simple format prints a scope's text, not its type).
/// </summary>
public sealed class LogScopesTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await OperationsHarness.StartWithHealthAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Interaction_and_generation_lines_name_their_interaction_generation_and_job()
    {
        var imagine = await _bot.Discord.SlashCommand("imagine").By(42, "ada").WithString("prompt", "a quiet harbour").DispatchAsync();
        await imagine.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(20));
        var job = Assert.Single(_bot.Apiframe.Jobs);

        await Eventually.Until(
            () => _bot.Logs.Lines.Where(line => line.Message.Contains("delivered", StringComparison.Ordinal)).ToList(),
            lines => lines.Count > 0,
            "the delivery to be logged");
        var lines = _bot.Logs.Lines;

        Assert.DoesNotContain(lines, line => line.Scopes.Contains("System.Collections", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Scopes.Contains($"[Interaction imagine {imagine.Id} (guild {BotHarness.GuildId}, user 42)]", StringComparison.Ordinal));
        var delivered = Assert.Single(lines, line => line.Message.Contains("delivered", StringComparison.Ordinal));
        Assert.Matches($@"\[Generation \w+ \(guild {BotHarness.GuildId}, user 42\)\] \[Apiframe job {job.Id}\]", delivered.Scopes);
    }
}
