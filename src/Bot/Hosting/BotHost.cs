using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Builds the bot's host. Configuration, lowest to highest priority: appsettings.json,
/// appsettings.{Environment}.json, user secrets (Development), a key-per-file secrets folder (Docker secrets,
/// <c>/run/secrets</c> or <c>SEEDREAMBOT_SECRETS_DIR</c>), environment variables, the command line; then the
/// conventional <c>DISCORD_TOKEN</c>/<c>APIFRAME_API_KEY</c> fill in what is still missing.
/// </summary>
public static class BotHost
{
    public const string SecretsDirectoryVariable = "SEEDREAMBOT_SECRETS_DIR";
    public const string DefaultSecretsDirectory = "/run/secrets";

    public static HostApplicationBuilder CreateBuilder(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddSecretsFolder(builder.Configuration);
        configure?.Invoke(builder);
        ConfigurationAliases.Apply(builder.Configuration);

        builder.Services.AddSeedreamBot(builder.Configuration);
        return builder;
    }

    /// <summary>Docker secrets: one file per setting, named like <c>Discord__Token</c> or <c>DISCORD_TOKEN</c>.</summary>
    private static void AddSecretsFolder(ConfigurationManager configuration)
    {
        var folder = Environment.GetEnvironmentVariable(SecretsDirectoryVariable) ?? DefaultSecretsDirectory;
        if (!Directory.Exists(folder))
        {
            return;
        }

        // Insert right below the application's environment variables (the unprefixed source, not the host's DOTNET_
        // one that comes before appsettings.json), so the folder beats appsettings files and user secrets while
        // environment variables and the command line stay the operator's final word.
        var sources = configuration.Sources;
        var at = sources.ToList().FindLastIndex(source =>
            source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        var secrets = new ConfigurationBuilder().AddKeyPerFile(Path.GetFullPath(folder), optional: true).Sources[0];
        if (at < 0)
        {
            sources.Add(secrets);
        }
        else
        {
            sources.Insert(at, secrets);
        }
    }
}
