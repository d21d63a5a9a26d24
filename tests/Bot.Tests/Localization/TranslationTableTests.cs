using System.Collections.Frozen;
using System.Globalization;
using SeedreamBot.Bot.Localization;

namespace SeedreamBot.Bot.Tests.Localization;

/// <summary>
/// German, French and Spanish translate every English text with the same placeholders, so a member or moderator
/// with one of those Discord languages never reads English and no translation throws a FormatException.
/// </summary>
public sealed class TranslationTableTests
{
    /// <summary>Texts with no words to translate, or words that are the same in that language.</summary>
    private static readonly Dictionary<string, string[]> SameAsEnglish = new(StringComparer.Ordinal)
    {
        ["German"] = ["Footer", "SettingsPerPeriod", "SettingsBannedTermsValue", "FieldFormat", "AdmissionFieldServer"],
        ["French"] = ["Footer", "SettingsPerPeriod", "SettingsBannedTermsValue", "ChoiceSizeStandard", "ChoiceAspectPortrait", "ChoiceAspectPhotoPortrait"],
        ["Spanish"] = ["Footer", "SettingsPerPeriod", "SettingsBannedTermsValue"],
    };

    public static TheoryData<string> Languages() => ["German", "French", "Spanish"];

    public static TheoryData<string, string> DiscordLocales() => new()
    {
        { "de", "German" },
        { "fr", "French" },
        { "es-ES", "Spanish" },
        { "es-419", "Spanish" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_English_key_is_translated(string language)
    {
        var table = Table(language);
        Assert.Empty(TranslationTable.English.Keys.Where(key => !table.ContainsKey(key)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_has_no_key_English_lacks_but_the_plural_of_a_quantity_noun(string language)
    {
        var extra = Table(language).Keys.Where(key => !TranslationTable.English.ContainsKey(key)).ToList();
        Assert.All(extra, key =>
        {
            Assert.EndsWith(".Many", key, StringComparison.Ordinal);
            Assert.True(TranslationTable.English.ContainsKey(key[..^".Many".Length] + ".One"), $"'{key}' has no English '.One' noun.");
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_translation_has_exactly_the_placeholders_of_English(string language)
    {
        var problems = new List<string>();
        foreach (var (key, text) in Table(language))
        {
            // Quantity nouns: English "credit" goes through Humanizer; the others write the count themselves.
            IReadOnlyList<string> expected = IsQuantityNoun(key) ? ["{0}"] : Placeholders.Of(TranslationTable.English[key]);
            var actual = Placeholders.Of(text);
            if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            {
                problems.Add($"{key}: \"{text}\" has [{string.Join(' ', actual)}], English has [{string.Join(' ', expected)}]");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("English")]
    public void Every_text_formats_with_arguments_that_fit_its_placeholders(string language)
    {
        var culture = CultureFor(language);
        foreach (var (key, text) in Table(language))
        {
            var formatted = string.Format(culture, text, Placeholders.ArgumentsFor(text));
            Assert.False(string.IsNullOrWhiteSpace(formatted), $"'{key}' is empty.");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_text_is_left_in_English(string language)
    {
        var same = Table(language).Where(pair => TranslationTable.English.TryGetValue(pair.Key, out var english) && english == pair.Value)
            .Select(pair => pair.Key);
        Assert.Equal(SameAsEnglish[language].Order(StringComparer.Ordinal), same.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DiscordLocales))]
    public void Members_with_that_Discord_language_read_the_translation_of_every_text(string locale, string language)
    {
        var culture = BotCultures.For(locale);
        var table = Table(language);
        Assert.All(TranslationTable.English.Keys, key => Assert.Equal(table[key], Translations.Get(culture, key)));
    }

    private static bool IsQuantityNoun(string key) =>
        key.EndsWith(".One", StringComparison.Ordinal) || key.EndsWith(".Many", StringComparison.Ordinal);

    private static FrozenDictionary<string, string> Table(string language) => language switch
    {
        "English" => TranslationTable.English,
        "German" => TranslationTable.German,
        "French" => TranslationTable.French,
        "Spanish" => TranslationTable.Spanish,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No such table."),
    };

    private static CultureInfo CultureFor(string language) => language switch
    {
        "German" => CultureInfo.GetCultureInfo("de-DE"),
        "French" => CultureInfo.GetCultureInfo("fr-FR"),
        "Spanish" => CultureInfo.GetCultureInfo("es-ES"),
        _ => BotCultures.English,
    };
}
