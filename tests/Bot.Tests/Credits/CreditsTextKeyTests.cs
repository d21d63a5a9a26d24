using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Tests.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>
/// Every text key the credits feature uses exists in English, and no translation asks for an argument English does
/// not pass (that would throw a FormatException in front of a member). Rare paths are covered too, which is the point.
/// </summary>
public sealed partial class CreditsTextKeyTests
{
    private static readonly CultureInfo[] Languages = new[] { "en-US", "de", "fr", "es" }.Select(CultureInfo.GetCultureInfo).ToArray();

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ScanKeys())
        {
            data.Add(key);
        }

        return data;
    }

    private static SortedSet<string> ScanKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceFolder(), "*.cs"))
        {
            foreach (Match match in LiteralKey().Matches(File.ReadAllText(file)))
            {
                keys.Add(match.Groups["key"].Value);
            }
        }

        // Keys built at run time from enums. Quantity nouns (Credit, Entry…) have their own test below.
        keys.UnionWith(Enum.GetNames<RefillPeriod>().Select(name => "Period" + name));
        keys.UnionWith(Enum.GetNames<SpendingWindow>().Select(name => "Window" + name));
        keys.UnionWith(Enum.GetNames<CreditEntryKind>().Select(name => "Kind" + name));
        keys.UnionWith(Enum.GetNames<ModeratorAction>().SelectMany(name => new[] { "Notice" + name, "Notice" + name + "Text" }));
        return keys;
    }

    [Fact]
    public void The_source_scan_finds_the_keys()
    {
        var keys = ScanKeys();
        Assert.True(keys.Count > 100, "The scan of src/Bot/Credits found too few keys; did the folder move?");

        // One of each way a key is written: a call argument, both arms of a ternary, a switch arm, a ?? fallback.
        Assert.Contains("QuotaNotModerator", keys);
        Assert.Contains("CreditsBlockedYou", keys);
        Assert.Contains("CreditsBlockedThem", keys);
        Assert.Contains("LogProblemNoAccess", keys);
        Assert.Contains("LogProblemDiscord", keys);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_key_exists_in_english_and_translations_take_no_extra_arguments(string key)
    {
        Assert.True(TranslationTable.English.ContainsKey(key), $"No English text for '{key}'.");

        // The code passes what the English text reads; a translation that read more would throw here.
        var arguments = Placeholders.ArgumentsFor(TranslationTable.English[key]);
        foreach (var culture in Languages)
        {
            _ = string.Format(culture, Translations.Get(culture, key), arguments);
        }
    }

    [Fact]
    public void Quantities_keep_the_number_in_every_language()
    {
        foreach (var culture in Languages)
        {
            foreach (var noun in new[] { "Credit", "Image", "Entry", "Term" })
            {
                Assert.Contains("7", BotText.Quantity(culture, noun, 7), StringComparison.Ordinal);
                Assert.Contains("1", BotText.Quantity(culture, noun, 1), StringComparison.Ordinal);
            }
        }
    }

    private static string SourceFolder([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "..", "src", "Bot", "Credits"));

    [GeneratedRegex("""(?:BotText\.(?:Get|Format)\(\s*[\w.]+\s*,\s*|\? |: |=> )"(?<key>[A-Z][A-Za-z]+)"(?!\s*\+)""")]
    private static partial Regex LiteralKey();
}
