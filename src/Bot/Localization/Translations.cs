using System.Collections.Frozen;
using System.Globalization;

namespace SeedreamBot.Bot.Localization;

/// <summary>
/// The bot's sentences by language. English, German, French and Spanish are complete; any other language gets
/// English, and a key a table lacked would fall back to English too rather than fail in front of a member.
/// Placeholders follow <see cref="string.Format(IFormatProvider, string, object[])"/>.
/// </summary>
public static class Translations
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage =
        new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["en"] = TranslationTable.English,
            ["de"] = TranslationTable.German,
            ["fr"] = TranslationTable.French,
            ["es"] = TranslationTable.Spanish,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;

    public static string Get(CultureInfo culture, string key)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (ByLanguage.TryGetValue(culture.TwoLetterISOLanguageName, out var table) && table.TryGetValue(key, out var text))
        {
            return text;
        }

        return TranslationTable.English.TryGetValue(key, out var english)
            ? english
            : throw new KeyNotFoundException($"No English text for '{key}'.");
    }
}
