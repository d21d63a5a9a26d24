using Microsoft.Extensions.Configuration;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// <c>dotnet SeedreamBot.dll --health-check</c>: asks the running bot's <c>/healthz</c> (at the first
/// <c>Health:Urls</c> address, a wildcard host meaning this machine) and exits 0 when it answers 200, 1 otherwise.
/// The container image has no curl, so Docker's HEALTHCHECK runs this.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--health-check";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args.Any(arg => string.Equals(arg, Flag, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs the probe with the bot's configuration; writes one line and returns the exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        var options = new HealthOptions();
        try
        {
            configuration.GetSection(HealthOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            await output.WriteLineAsync($"unhealthy: the Health settings cannot be read ({exception.Message})").ConfigureAwait(false);
            return 1;
        }
        if (!options.Enabled)
        {
            await output.WriteLineAsync(
                "unhealthy: Health:Enabled is false, so there is no /healthz to ask. Turn it on, or run the container with --no-healthcheck.")
                .ConfigureAwait(false);
            return 1;
        }

        var first = options.ListUrls().FirstOrDefault();
        if (first is null || HealthOptions.ToLocalAddress(first) is not { } address)
        {
            await output.WriteLineAsync($"unhealthy: Health:Urls '{options.Urls}' has no plain http address to ask.").ConfigureAwait(false);
            return 1;
        }

        var url = new Uri(address, "healthz");
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var healthy = response.StatusCode == System.Net.HttpStatusCode.OK;
            await output.WriteLineAsync($"{(healthy ? "healthy" : "unhealthy")}: {url} answered {(int)response.StatusCode}. {Compact(body)}")
                .ConfigureAwait(false);
            return healthy ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {url} did not answer ({exception.Message})").ConfigureAwait(false);
            return 1;
        }
    }

    // Docker keeps the probe's output in `docker inspect`; one line is easier to read there.
    private static string Compact(string body) =>
        string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
