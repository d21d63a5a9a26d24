using System.Text.Json;
using System.Text.Json.Nodes;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Localization;

/// <summary>
/// What Discord's command picker shows a German, French or Spanish member, as the fake Discord received the bot's
/// registration: every description and choice name in all four locales, within Discord's limits, and every name
/// still the English contract.
/// </summary>
public sealed class CommandLocalizationTests : IAsyncLifetime
{
    private static readonly string[] Locales = ["de", "es-419", "es-ES", "fr"];

    /// <summary>Discord's limit on the names, descriptions and choices of one command, each at its longest translation.</summary>
    private const int MaxCommandCharacters = 4000;

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void Every_command_subcommand_and_option_description_is_translated_for_every_locale()
    {
        var described = Described().ToList();
        Assert.True(described.Count > 80, $"Only {described.Count} descriptions were registered; did the walk miss options?");
        var problems = new List<string>();
        foreach (var (path, node) in described)
        {
            var english = node["description"]!.GetValue<string>();
            var translations = Translations(node["description_localizations"]);
            problems.AddRange(Check(path + " description", english, translations, Locales));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_choice_name_is_translated_for_every_locale()
    {
        var choices = Described().SelectMany(pair => (pair.Node["choices"] as JsonArray ?? [])
            .Select(choice => (Path: pair.Path + " choice " + choice!["value"]!.ToJsonString(), Choice: choice!.AsObject()))).ToList();
        Assert.True(choices.Count >= 21, $"Only {choices.Count} choices were registered.");
        var problems = new List<string>();
        foreach (var (path, choice) in choices)
        {
            problems.AddRange(Check(path, choice["name"]!.GetValue<string>(), Translations(choice["name_localizations"]), Locales));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Command_and_option_names_stay_the_English_contract()
    {
        var commands = _bot.Discord.GuildCommands(BotHarness.GuildId);
        Assert.All(commands.Concat(Described().Select(pair => pair.Node)), node => Assert.Null(node["name_localizations"]));

        var message = commands.Single(command => command["type"]!.GetValue<int>() == 3);
        Assert.Equal("Edit with Seedream", message["name"]!.GetValue<string>());
        Assert.Equal("", message["description"]!.GetValue<string>());
        Assert.Null(message["description_localizations"]);
    }

    [Fact]
    public void German_French_and_Spanish_members_read_their_language_in_the_picker()
    {
        var imagine = Command("imagine");
        Assert.Equal(TranslationTable.German["CommandImagine"], Translations(imagine["description_localizations"])["de"]);
        var aspect = Option(imagine, "aspect");
        var wide = (aspect["choices"] as JsonArray)!.Single(choice => choice!["value"]!.GetValue<string>() == "16:9")!;
        Assert.Equal("16:9 · widescreen", wide["name"]!.GetValue<string>());
        Assert.Equal("16:9 · Breitbild", Translations(wide["name_localizations"])["de"]);
        Assert.Equal("Image de référence 3 (facultatif).", Translations(Option(imagine, "image3")["description_localizations"])["fr"]);

        var grant = Option(Command("quota"), "grant");
        Assert.Equal(TranslationTable.Spanish["CommandQuotaGrantUser"], Translations(Option(grant, "user")["description_localizations"])["es-419"]);
        var top = Option(Option(Command("quota"), "top"), "period");
        var week = (top["choices"] as JsonArray)!.Single(choice => choice!["value"]!.GetValue<string>() == "week")!;
        Assert.Equal("This week", week["name"]!.GetValue<string>());
        Assert.Equal(["Diese Woche", "Esta semana", "Esta semana", "Cette semaine"], Locales.Select(locale => Translations(week["name_localizations"])[locale]));
    }

    [Fact]
    public void Each_command_stays_within_Discords_character_limit_at_its_longest_translations()
    {
        foreach (var command in AllCommands())
        {
            var characters = Characters(command);
            Assert.True(characters <= MaxCommandCharacters, $"/{command["name"]} has {characters} characters, Discord allows {MaxCommandCharacters}.");
        }
    }

    /// <summary>Problems of one English text and its translations: a missing or extra locale, a length Discord refuses, English left in.</summary>
    private static IEnumerable<string> Check(string path, string english, IReadOnlyDictionary<string, string> translations, string[] locales)
    {
        if (!translations.Keys.Order(StringComparer.Ordinal).SequenceEqual(locales, StringComparer.Ordinal))
        {
            yield return $"{path}: locales [{string.Join(", ", translations.Keys)}], expected [{string.Join(", ", locales)}]";
        }

        foreach (var (locale, text) in translations)
        {
            if (text.Length is < 1 or > 100)
            {
                yield return $"{path} [{locale}]: {text.Length} characters, Discord allows 1–100: \"{text}\"";
            }
        }

        if (translations.TryGetValue("es-ES", out var spain) && translations.TryGetValue("es-419", out var latinAmerica) && spain != latinAmerica)
        {
            yield return $"{path}: es-ES and es-419 differ";
        }

        foreach (var (locale, text) in translations)
        {
            if (text == english && !SameIn(locale, english))
            {
                yield return $"{path} [{locale}]: the text is the English one: \"{text}\"";
            }
        }
    }

    /// <summary>Words spelled the same in English and in a locale, so a text made only of them is a correct translation.</summary>
    private static readonly Dictionary<string, string[]> Cognates = new(StringComparer.Ordinal)
    {
        ["fr"] = ["standard", "portrait", "photo"],
    };

    /// <summary>Whether every word of <paramref name="text"/> reads the same in <paramref name="locale"/> (numbers, ratios and cognates).</summary>
    private static bool SameIn(string locale, string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\p{L}+")
            .All(word => Cognates.GetValueOrDefault(locale, []).Contains(word.Value, StringComparer.OrdinalIgnoreCase) || word.Value is "K");

    /// <summary>
    /// Every slash command (the server's and the global ones, where <c>/operator</c> goes without a home server) and,
    /// below it, every subcommand group, subcommand and option, with a readable path.
    /// </summary>
    private IEnumerable<(string Path, JsonObject Node)> Described()
    {
        foreach (var command in AllCommands().Where(command => command["type"]!.GetValue<int>() == 1))
        {
            foreach (var pair in WithOptions("/" + command["name"]!.GetValue<string>(), command))
            {
                yield return pair;
            }
        }
    }

    private IEnumerable<JsonObject> AllCommands() => _bot.Discord.GuildCommands(BotHarness.GuildId).Concat(_bot.Discord.GlobalCommands);

    private static IEnumerable<(string Path, JsonObject Node)> WithOptions(string path, JsonObject node)
    {
        yield return (path, node);
        foreach (var option in (node["options"] as JsonArray ?? []).Select(option => option!.AsObject()))
        {
            foreach (var pair in WithOptions(path + " " + option["name"]!.GetValue<string>(), option))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Discord counts each name and description at its longest translation, plus choice names and values.</summary>
    private static int Characters(JsonObject node)
    {
        var characters = Longest(node["name"], node["name_localizations"]) + Longest(node["description"], node["description_localizations"]);
        foreach (var choice in (node["choices"] as JsonArray ?? []).Select(choice => choice!.AsObject()))
        {
            characters += Longest(choice["name"], choice["name_localizations"]);
            characters += choice["value"]!.GetValueKind() == JsonValueKind.String ? choice["value"]!.GetValue<string>().Length : 0;
        }

        return characters + (node["options"] as JsonArray ?? []).Sum(option => Characters(option!.AsObject()));
    }

    private static int Longest(JsonNode? text, JsonNode? localizations) =>
        Translations(localizations).Values.Append(text?.GetValue<string>() ?? "").Max(value => value.Length);

    private static IReadOnlyDictionary<string, string> Translations(JsonNode? localizations) =>
        (localizations as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);

    private JsonObject Command(string name) =>
        _bot.Discord.GuildCommands(BotHarness.GuildId).Single(command => command["name"]!.GetValue<string>() == name);

    private static JsonObject Option(JsonObject parent, string name) =>
        (parent["options"] as JsonArray)!.Single(option => option!["name"]!.GetValue<string>() == name)!.AsObject();
}
