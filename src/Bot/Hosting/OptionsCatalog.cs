using System.Reflection;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Every options class of the bot: a public class in the bot, Core or Discord assembly with a
/// <c>public const string SectionName</c>. Used to read each section before validation (so every unreadable value
/// is reported at once) and by the test that keeps appsettings.example.json complete.
/// </summary>
public static class OptionsCatalog
{
    public static IReadOnlyList<(Type Type, string Section)> All { get; } = Discover();

    private static (Type Type, string Section)[] Discover() =>
        [.. new[] { typeof(OptionsCatalog).Assembly, typeof(CreditOptions).Assembly, typeof(DiscordOptions).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(pair => pair.Field is { IsLiteral: true } && pair.Field.FieldType == typeof(string))
            .Select(pair => (pair.Type, (string)pair.Field!.GetRawConstantValue()!))
            .OrderBy(pair => pair.Item2, StringComparer.Ordinal)
            .ThenBy(pair => pair.Type.Name, StringComparer.Ordinal)];
}
