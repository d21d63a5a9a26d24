using System.Globalization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Localization;

/// <summary>
/// What Discord's command picker shows, from the same tables as every other sentence: a description or choice name
/// in English (the default) plus its translations for the Discord locales the bot speaks, for
/// <c>description_localizations</c> and <c>name_localizations</c>. Command and option names are not translated: they
/// are the public contract.
/// </summary>
public static class CommandTexts
{
    /// <summary>The Discord locales with a translation, and the culture each reads. Both Spanish locales read Spanish.</summary>
    public static IReadOnlyDictionary<string, CultureInfo> Locales { get; } = new[] { "de", "fr", "es-ES", "es-419" }
        .ToDictionary(locale => locale, BotCultures.For, StringComparer.Ordinal);

    /// <summary>The English text of <paramref name="key"/>, for <c>description</c>.</summary>
    public static string English(string key, params object?[] arguments) => BotText.Format(BotCultures.English, key, arguments);

    /// <summary>The text of <paramref name="key"/> in every locale of <see cref="Locales"/>, for <c>description_localizations</c>.</summary>
    public static IReadOnlyDictionary<string, string> Translated(string key, params object?[] arguments) =>
        Translated(culture => BotText.Format(culture, key, arguments));

    /// <summary>A text built per culture, in every locale of <see cref="Locales"/>.</summary>
    public static IReadOnlyDictionary<string, string> Translated(Func<CultureInfo, string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Locales.ToDictionary(pair => pair.Key, pair => text(pair.Value), StringComparer.Ordinal);
    }

    /// <summary>A string choice whose name is the text of <paramref name="key"/>, translated.</summary>
    public static ApplicationCommandOptionChoice Choice(string key, string value) =>
        Choice(culture => BotText.Get(culture, key), value);

    /// <summary>A string choice whose name is built per culture, translated.</summary>
    public static ApplicationCommandOptionChoice Choice(Func<CultureInfo, string> name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var choice = ApplicationCommandOptionChoice.Of(name(BotCultures.English), value);
        return new ApplicationCommandOptionChoice { Name = choice.Name, NameLocalizations = Translated(name), Value = choice.Value };
    }
}
