using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Discord;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// Every place an operator can put the two secrets, read through the real <see cref="BotHost"/> builder and bound
/// options, and which place wins when several are set.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConfigurationSourcesTests : IDisposable
{
    private const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.sources-test-token_0123456789";
    private const string OtherToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.other-token_9876543210";
    private const string ApiKey = "afk_sources_test_5e3d0c1f2a4b";
    private const string OtherKey = "afk_other_key_a1b2c3d4e5f6";

    private readonly string _secrets = Directory.CreateTempSubdirectory("seedreambot-secrets-").FullName;
    private readonly EnvironmentScope _environment = new();

    public ConfigurationSourcesTests()
    {
        // Start from nothing: no secrets folder content, no secrets in the environment.
        _environment
            .Set(BotHost.SecretsDirectoryVariable, _secrets)
            .Set("Discord__Token", null)
            .Set("DISCORD_TOKEN", null)
            .Set("Apiframe__ApiKey", null)
            .Set("APIFRAME_API_KEY", null)
            .Set("DOTNET_ENVIRONMENT", null)
            .Set("Logging__Format", null);
    }

    public void Dispose()
    {
        _environment.Dispose();
        Directory.Delete(_secrets, recursive: true);
    }

    [Fact]
    public void Hierarchical_environment_variables_set_both_secrets()
    {
        _environment.Set("Discord__Token", Token).Set("Apiframe__ApiKey", ApiKey);

        var (token, key) = Secrets();

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Fact]
    public void The_conventional_DISCORD_TOKEN_and_APIFRAME_API_KEY_variables_work_too()
    {
        _environment.Set("DISCORD_TOKEN", Token).Set("APIFRAME_API_KEY", ApiKey);

        var (token, key) = Secrets();

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Fact]
    public void The_hierarchical_name_wins_over_the_conventional_one()
    {
        _environment.Set("DISCORD_TOKEN", OtherToken).Set("Discord__Token", Token)
            .Set("APIFRAME_API_KEY", OtherKey).Set("Apiframe__ApiKey", ApiKey);

        var (token, key) = Secrets();

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Fact]
    public void Docker_secret_files_in_the_secrets_folder_are_read_in_either_naming_and_trailing_newlines_are_ignored()
    {
        File.WriteAllText(Path.Combine(_secrets, "Discord__Token"), Token + "\n");
        File.WriteAllText(Path.Combine(_secrets, "APIFRAME_API_KEY"), ApiKey + "\n");

        var (token, key) = Secrets();

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Fact]
    public void Environment_variables_win_over_secret_files_and_the_command_line_wins_over_both()
    {
        File.WriteAllText(Path.Combine(_secrets, "Discord__Token"), OtherToken);
        File.WriteAllText(Path.Combine(_secrets, "Apiframe__ApiKey"), OtherKey);
        _environment.Set("Discord__Token", Token);

        var (token, key) = Secrets("--Apiframe:ApiKey", ApiKey);

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Fact]
    public void Secret_files_win_over_the_environment_specific_appsettings_file()
    {
        // appsettings.{Environment}.json beside the binaries, as an operator would leave one.
        const string environmentName = "SourcesTest";
        var file = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environmentName}.json");
        File.WriteAllText(file, $$"""{ "Discord": { "Token": "{{OtherToken}}" }, "Apiframe": { "ApiKey": "{{ApiKey}}" } }""");
        try
        {
            _environment.Set("DOTNET_ENVIRONMENT", environmentName);
            File.WriteAllText(Path.Combine(_secrets, "Discord__Token"), Token);

            var (token, key) = Secrets();

            Assert.Equal(Token, token);
            Assert.Equal(ApiKey, key); // from appsettings.SourcesTest.json: the file is read
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Appsettings_Production_json_beside_the_binaries_is_read_when_no_environment_is_named()
    {
        // No DOTNET_ENVIRONMENT (as in a plain dotnet run, the Docker image and the systemd unit): Production. The file
        // sits beside the binaries, where the build copies src/Bot/appsettings.Production.json and Docker mounts it;
        // the working directory does not matter.
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.Production.json");
        Assert.False(File.Exists(file), "The test output must not carry an appsettings.Production.json of its own.");
        File.WriteAllText(file, $$"""{ "Discord": { "Token": "{{Token}}" }, "Apiframe": { "ApiKey": "{{ApiKey}}" } }""");
        var elsewhere = Directory.CreateTempSubdirectory("seedreambot-cwd-").FullName;
        var workingDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = elsewhere;

            var (token, key) = Secrets();

            Assert.Equal(Token, token);
            Assert.Equal(ApiKey, key);
        }
        finally
        {
            Environment.CurrentDirectory = workingDirectory;
            File.Delete(file);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_pasted_Bot_prefix_and_surrounding_spaces_are_forgiven()
    {
        _environment.Set("DISCORD_TOKEN", "  Bot " + Token + " ").Set("APIFRAME_API_KEY", " " + ApiKey + " ");

        var (token, key) = Secrets();

        Assert.Equal(Token, token);
        Assert.Equal(ApiKey, key);
    }

    [Theory]
    [InlineData(null, null, "simple")]
    [InlineData("json", null, "json")]
    [InlineData("JSON", null, "json")]
    [InlineData("systemd", null, "systemd")]
    [InlineData("json", "simple", "simple")]
    public void Logging_Format_chooses_the_console_formatter_unless_the_dotnet_key_is_set(string? format, string? formatterName, string expected)
    {
        _environment.Set("Logging__Format", format).Set("Logging__Console__FormatterName", formatterName);

        using var host = BotHost.CreateBuilder([]).Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static (string Token, string ApiKey) Secrets(params string[] args)
    {
        using var host = BotHost.CreateBuilder(args).Build();
        return (
            host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.Token,
            host.Services.GetRequiredService<IOptions<ApiframeOptions>>().Value.ApiKey);
    }
}
