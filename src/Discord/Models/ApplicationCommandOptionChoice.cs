using System.Text.Json;
using SeedreamBot.Discord.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>A fixed choice of a STRING, INTEGER or NUMBER option (name 1–100 characters; string values ≤ 100).</summary>
public sealed class ApplicationCommandOptionChoice
{
    public string Name { get; init; } = "";

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>A JSON string or number; build with <see cref="Of(string, string)"/> and its overloads.</summary>
    public JsonElement Value { get; init; }

    public static ApplicationCommandOptionChoice Of(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandOptionChoice Of(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };

    public static ApplicationCommandOptionChoice Of(string name, double value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double) };
}
