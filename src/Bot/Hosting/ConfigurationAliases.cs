using Microsoft.Extensions.Configuration;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Accepts the conventional single-word names operators already use (<c>DISCORD_TOKEN</c>,
/// <c>APIFRAME_API_KEY</c>, as environment variables or Docker secret files) for the settings the bot reads as
/// <c>Discord:Token</c> and <c>Apiframe:ApiKey</c>, and the shorthand <c>Logging:Format</c> for .NET's
/// <c>Logging:Console:FormatterName</c>. The full names win when both are set.
/// </summary>
public static class ConfigurationAliases
{
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DISCORD_TOKEN"] = "Discord:Token",
        ["APIFRAME_API_KEY"] = "Apiframe:ApiKey",
        ["Logging:Format"] = Operations.LogFormatOptions.FormatterNameKey,
    };

    public static void Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (alias, key) in Aliases)
        {
            if (string.IsNullOrWhiteSpace(configuration[key]) && configuration[alias] is { Length: > 0 } value
                && !string.IsNullOrWhiteSpace(value))
            {
                configuration[key] = key == Operations.LogFormatOptions.FormatterNameKey ? value.Trim().ToLowerInvariant() : value.Trim();
            }
        }
    }
}
