using SeedreamBot.Bot.Tests.Operations;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// The real built bot, started as a child process the way an operator starts it, with configuration mistakes:
/// one paragraph on stderr, exit code 2, and no stack trace anywhere.
/// </summary>
public sealed class StartupProblemsProcessTests : IDisposable
{
    private const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.process-test-token_0123456789";
    private const string ApiKey = "afk_process_test_5e3d0c1f2a4b";

    private readonly string _workDir = Directory.CreateTempSubdirectory("seedreambot-start-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task With_no_configuration_it_prints_one_paragraph_naming_both_secrets_and_exits_2()
    {
        var run = await RunAsync([]);

        Assert.Equal(2, run.ExitCode);
        var paragraph = OneParagraph(run);
        Assert.Contains("Discord:Token", paragraph, StringComparison.Ordinal);
        Assert.Contains("DISCORD_TOKEN", paragraph, StringComparison.Ordinal);
        Assert.Contains("Developer Portal", paragraph, StringComparison.Ordinal);
        Assert.Contains("Apiframe:ApiKey", paragraph, StringComparison.Ordinal);
        Assert.Contains("afk_", paragraph, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput.Trim());

        // Nothing was created before the configuration was known to be good.
        Assert.False(Directory.Exists(Path.Combine(_workDir, "data")), "No database may be created for a bot that cannot start.");
    }

    [Fact]
    public async Task A_malformed_key_and_out_of_range_numbers_are_explained_without_echoing_the_key()
    {
        var run = await RunAsync(new()
        {
            ["DISCORD_TOKEN"] = Token,
            ["APIFRAME_API_KEY"] = "sk-not-an-apiframe-key",
            ["Generation__MaxJobsPerUser"] = "50",
            ["Apiframe__MaxConcurrentJobs"] = "0",
            ["Health__Urls"] = "https://0.0.0.0:8443",
            ["Logging__Format"] = "xml",
        });

        Assert.Equal(2, run.ExitCode);
        var paragraph = OneParagraph(run);
        Assert.Contains("start with afk_", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-not-an-apiframe-key", paragraph, StringComparison.Ordinal);
        Assert.Contains("Generation:MaxJobsPerUser must be between 1 and 20", paragraph, StringComparison.Ordinal);
        Assert.Contains("Apiframe:MaxConcurrentJobs must be between 1 and 256", paragraph, StringComparison.Ordinal);
        Assert.Contains("Health:Urls", paragraph, StringComparison.Ordinal);
        Assert.Contains("Logging:Format must be simple, json or systemd", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain("Discord:Token", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_cannot_be_read_are_all_named_with_what_they_should_look_like()
    {
        var run = await RunAsync(new()
        {
            ["DISCORD_TOKEN"] = Token,
            ["APIFRAME_API_KEY"] = ApiKey,
            ["Credits__DefaultAllowance"] = "lots",
            ["Credits__RefillPeriod"] = "Dayly",
            ["Generation__ProgressUpdateInterval"] = "soon",
            ["Discord__GuildIds__0"] = "<#1100000000000000100>",
        });

        Assert.Equal(2, run.ExitCode);
        var paragraph = OneParagraph(run);
        Assert.Contains("Credits:DefaultAllowance cannot be read: it must be a whole number", paragraph, StringComparison.Ordinal);
        Assert.Contains("Credits:RefillPeriod cannot be read: it must be one of Daily, Weekly, Monthly, Never", paragraph, StringComparison.Ordinal);
        Assert.Contains("Generation:ProgressUpdateInterval cannot be read: it must be a time span", paragraph, StringComparison.Ordinal);
        Assert.Contains("Discord:GuildIds:0 cannot be read", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_another_process_holds_is_reported_in_one_paragraph()
    {
        var path = Path.Combine(_workDir, "held", "bot.db");
        using var held = new SeedreamDatabase(path);

        var run = await RunAsync(new()
        {
            ["DISCORD_TOKEN"] = Token,
            ["APIFRAME_API_KEY"] = ApiKey,
            ["Storage__DatabasePath"] = path,
            ["Health__Enabled"] = "false",
        });

        Assert.Equal(2, run.ExitCode);
        var paragraph = OneParagraph(run);
        Assert.Contains("database", paragraph, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_secrets_are_read_in_Development()
    {
        // dotnet user-secrets keeps them in ~/.microsoft/usersecrets/<UserSecretsId>/secrets.json.
        var secrets = Path.Combine(_workDir, ".microsoft", "usersecrets", "seedreambot-6f1c2a47-3b8e-4d7a-9a51-2f0c9e4b7d13");
        Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), $$"""{ "Discord:Token": "{{Token}}" }""");

        var development = await RunAsync(new() { ["DOTNET_ENVIRONMENT"] = "Development" });
        var production = await RunAsync([]);

        Assert.Equal(2, development.ExitCode);
        Assert.DoesNotContain("Discord:Token", OneParagraph(development), StringComparison.Ordinal);
        Assert.Contains("Apiframe:ApiKey", OneParagraph(development), StringComparison.Ordinal);
        Assert.Contains("Discord:Token", OneParagraph(production), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_command_fails_cleanly_when_no_bot_listens()
    {
        var run = await RunAsync(new() { ["Health__Urls"] = "http://127.0.0.1:1" }, "--health-check");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("unhealthy: http://127.0.0.1:1/healthz did not answer", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    private Task<BotProcess> RunAsync(Dictionary<string, string> environment, params string[] args) =>
        BotProcess.RunAsync(environment, _workDir, BotProcess.BotAssembly, args);

    /// <summary>Stderr must be exactly one paragraph without any stack trace; returns it.</summary>
    private static string OneParagraph(BotProcess run)
    {
        var all = run.StandardOutput + run.StandardError;
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        var paragraph = run.StandardError.Trim();
        Assert.DoesNotContain('\n', paragraph);
        Assert.StartsWith("SeedreamBot cannot start", paragraph, StringComparison.Ordinal);
        return paragraph;
    }
}
