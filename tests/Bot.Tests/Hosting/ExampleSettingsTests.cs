using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Tests.Operations;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// appsettings.example.json is the operator's manual: it must name every setting of every options class, show the
/// default the code really uses, and be a configuration the bot accepts.
/// </summary>
public sealed class ExampleSettingsTests
{
    private static readonly string[] ExpectedOptions =
    [
        "BotOptions", "DiscordOptions", "DiscordGatewayOptions", "ApiframeOptions", "SpendGuardOptions",
        "GenerationOptions", "CreditOptions", "StorageOptions", "HealthOptions", "LogFormatOptions", "OperatorOptions",
        "InteractionOptions",
    ];

    [Fact]
    public void The_catalog_finds_every_options_class()
    {
        var found = OptionsCatalog.All.Select(entry => entry.Type.Name).ToList();

        Assert.All(ExpectedOptions, name => Assert.Contains(name, found));
    }

    [SkippableFact]
    public void Every_public_setting_of_every_options_class_is_documented()
    {
        var keys = ExampleKeys();

        var missing = Settings()
            .Select(setting => setting.Key)
            .Where(key => !keys.Contains(key))
            .ToList();

        Assert.True(missing.Count == 0, "appsettings.example.json does not document: " + string.Join(", ", missing));
    }

    [SkippableFact]
    public void Every_documented_value_is_the_default_the_code_uses()
    {
        var example = ExampleConfiguration();

        var wrong = new List<string>();
        foreach (var (key, type, property) in Settings())
        {
            var section = key[..key.LastIndexOf(':')];
            var bound = example.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            var expected = JsonSerializer.Serialize(property.GetValue(Activator.CreateInstance(type)));
            var documented = JsonSerializer.Serialize(property.GetValue(bound));
            if (expected != documented)
            {
                wrong.Add($"{key} is {documented} in the example but {expected} in the code");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [SkippableFact]
    public void The_example_with_the_two_secrets_filled_in_is_a_configuration_the_bot_accepts()
    {
        var folder = Directory.CreateTempSubdirectory("seedreambot-example-").FullName;
        try
        {
            var builder = BotHost.CreateBuilder([], builder =>
            {
                builder.Configuration.AddJsonFile(RepositoryRoot.PathOf("appsettings.example.json"), optional: false, reloadOnChange: false);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Discord:Token"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.example-token_0123456789",
                    ["Apiframe:ApiKey"] = "afk_example_5e3d0c1f2a4b",
                    ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db"),
                });
            });
            using var host = builder.Build();

            Assert.Null(StartupProblems.Check(host.Services));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void The_shipped_appsettings_has_no_secrets_and_only_documented_defaults()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.PathOf("src", "Bot", "appsettings.json"), optional: false, reloadOnChange: false)
            .Build()
            .AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToList();
        var example = ExampleConfiguration();

        Assert.NotEmpty(shipped);
        Assert.DoesNotContain(shipped, pair => pair.Key.EndsWith("Token", StringComparison.OrdinalIgnoreCase)
            || pair.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase));
        Assert.All(shipped, pair => Assert.Equal(pair.Value, example[pair.Key]));
    }

    /// <summary>Every public settable property of every options class, as its configuration key.</summary>
    private static IEnumerable<(string Key, Type Type, PropertyInfo Property)> Settings() =>
        OptionsCatalog.All.SelectMany(entry => entry.Type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true })
            .Select(property => ($"{entry.Section}:{property.Name}", entry.Type, property)));

    private static IConfigurationRoot ExampleConfiguration()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        return new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.PathOf("appsettings.example.json"), optional: false, reloadOnChange: false)
            .Build();
    }

    /// <summary>Every key the example spells out, objects and arrays included (an empty list is documented too).</summary>
    private static HashSet<string> ExampleKeys()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        using var document = JsonDocument.Parse(
            File.ReadAllText(RepositoryRoot.PathOf("appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(document.RootElement, "", keys);
        return keys;
    }

    private static void Collect(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + ":" + property.Name;
            keys.Add(key);
            Collect(property.Value, key, keys);
        }
    }
}
