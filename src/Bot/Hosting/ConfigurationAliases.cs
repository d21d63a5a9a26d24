using Microsoft.Extensions.Configuration;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Accepts the conventional single-word names operators already use (<c>DISCORD_TOKEN</c>,
/// <c>APIFRAME_API_KEY</c>, as environment variables or Docker secret files) for the settings the bot reads as
/// <c>Discord:Token</c> and <c>Apiframe:ApiKey</c>. The hierarchical names win when both are set.
/// </summary>
public static class ConfigurationAliases
{
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DISCORD_TOKEN"] = "Discord:Token",
        ["APIFRAME_API_KEY"] = "Apiframe:ApiKey",
    };

    public static void Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (alias, key) in Aliases)
        {
            if (string.IsNullOrWhiteSpace(configuration[key]) && configuration[alias] is { Length: > 0 } value)
            {
                configuration[key] = value.Trim();
            }
        }
    }
}
