using System.Globalization;
using Humanizer;

namespace SeedreamBot.Bot.Localization;

/// <summary>
/// Every sentence the bot says, looked up in the member's language (<see cref="Translations"/>) with English as
/// the fallback. Numbers, times and quantities go through Humanizer in the same culture.
/// </summary>
public static class BotText
{
    public static string UnknownInteraction(CultureInfo culture) => Translations.Get(culture, "UnknownInteraction");

    public static string Restarting(CultureInfo culture) => Translations.Get(culture, "Restarting");

    public static string SomethingWentWrong(CultureInfo culture) => Translations.Get(culture, "SomethingWentWrong");

    public static string Format(CultureInfo culture, string key, params object?[] arguments) =>
        string.Format(culture, Translations.Get(culture, key), arguments);

    public static string Get(CultureInfo culture, string key) => Translations.Get(culture, key);

    /// <summary>
    /// "4 credits", "1 image": Humanizer's quantities in English; other languages have their own singular and
    /// plural forms under <c>{noun}.One</c> / <c>{noun}.Many</c>, because Humanizer pluralizes English words only.
    /// </summary>
    public static string Quantity(CultureInfo culture, string noun, long count)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName == "en")
        {
            return Translations.Get(culture, noun + ".One").ToQuantity(count, "N0", culture);
        }

        return string.Format(culture, Translations.Get(culture, noun + (count == 1 ? ".One" : ".Many")), count.ToString("N0", culture));
    }
}
