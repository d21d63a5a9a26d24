using SeedreamBot.Bot.Operations;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>Starts the bot with the health listener on a free loopback port and reads from it.</summary>
internal static class OperationsHarness
{
    public static Task<BotHarness> StartWithHealthAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Health:Enabled"] = "true",
            ["Health:Urls"] = "http://127.0.0.1:0",

            // Keep the host up after a fatal close, so the health endpoint can be asked about it.
            ["Discord:StopHostOnFatalError"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return BotHarness.StartAsync(new BotHarnessOptions { Settings = all });
    }

    public static Uri HealthAddress(this BotHarness bot) => bot.Get<HealthListener>().Addresses.Single();

    public static async Task<(int Status, string Body, string? ContentType)> GetAsync(this BotHarness bot, string path, HttpMethod? method = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(bot.HealthAddress(), path));
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Scrapes <c>/metrics</c> until every name appears (instruments report on the next collection).</summary>
    public static Task<string> WaitForMetricsAsync(this BotHarness bot, params string[] names) =>
        bot.WaitForMetricsAsync(
            body => names.All(name => HasMetric(body, name)),
            body => "/metrics never showed " + string.Join(", ", names.Where(name => !HasMetric(body, name))));

    /// <summary>Scrapes <c>/metrics</c> until <paramref name="ready"/> holds for the exposition.</summary>
    public static Task<string> WaitForMetricsAsync(this BotHarness bot, Func<string, bool> ready) =>
        bot.WaitForMetricsAsync(ready, _ => "/metrics never reached the expected values");

    private static async Task<string> WaitForMetricsAsync(this BotHarness bot, Func<string, bool> ready, Func<string, string> failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var (_, body, _) = await bot.GetAsync("/metrics").ConfigureAwait(false);
            if (ready(body))
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{failure(body)}. Last scrape:\n{body}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>True when a sample line of the metric (not just its HELP/TYPE comment) is present.</summary>
    public static bool HasMetric(string exposition, string name) =>
        exposition.Split('\n').Any(line => !line.StartsWith('#')
            && line.StartsWith(name, StringComparison.Ordinal)
            && line.Length > name.Length && line[name.Length] is '{' or ' ');

    /// <summary>The sum of one metric's samples whose labels include every fragment given (e.g. <c>outcome="delivered"</c>).</summary>
    public static double Value(string exposition, string name, params string[] labels) =>
        Samples(exposition, name)
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The sample lines of one metric.</summary>
    public static IReadOnlyList<string> Samples(string exposition, string name) =>
        [.. exposition.Split('\n').Where(line => !line.StartsWith('#') && line.StartsWith(name, StringComparison.Ordinal)
            && line.Length > name.Length && line[name.Length] is '{' or ' ')];
}
