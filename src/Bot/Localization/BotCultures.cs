using System.Globalization;

namespace SeedreamBot.Bot.Localization;

/// <summary>Maps Discord's locale codes (<c>de</c>, <c>pt-BR</c>, <c>es-419</c>…) to .NET cultures; English otherwise.</summary>
public static class BotCultures
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo For(string? discordLocale)
    {
        if (string.IsNullOrWhiteSpace(discordLocale))
        {
            return English;
        }

        // Discord's Latin-American Spanish has no .NET culture of that name; es-MX reads the same.
        var name = discordLocale == "es-419" ? "es-MX" : discordLocale;
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.Name.Length == 0 ? English : culture;
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }
}
