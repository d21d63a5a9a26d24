using Microsoft.Extensions.Configuration;
using SeedreamBot.Bot.Hosting;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>What the bot would say at start about a configuration: the two secrets and a database path, plus a test's settings.</summary>
internal static class StartupCheck
{
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.example-token_0123456789";
    public const string ApiKey = "afk_example_5e3d0c1f2a4b";

    /// <summary>Null when the bot would start; otherwise the paragraph it prints. The database goes in <paramref name="folder"/>.</summary>
    public static string? Problems(string folder, Dictionary<string, string?> settings)
    {
        var builder = BotHost.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = Token,
                ["Apiframe:ApiKey"] = ApiKey,
                ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db"),
            });
            builder.Configuration.AddInMemoryCollection(settings);
        });
        using var host = builder.Build();
        return StartupProblems.Check(host.Services);
    }
}
