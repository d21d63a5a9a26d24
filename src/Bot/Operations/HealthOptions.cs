using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Bot.Operations;

/// <summary>The health and metrics listener (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions : IValidatableObject
{
    public const string SectionName = "Health";

    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Serve <c>/healthz</c> and <c>/metrics</c>. Off: no port is opened and <c>--health-check</c> fails.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the listener binds, separated by <c>;</c>. The default answers only on this machine; use
    /// <c>http://0.0.0.0:8080</c> to let Prometheus on another machine (or outside a container) scrape it.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// The gateway counts as unhealthy when no heartbeat ACK arrived for this long. Discord asks for a heartbeat
    /// about every 41 s and the client reconnects after one missed ACK, so a longer silence means it is stuck.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage =
        "Health:MaxHeartbeatAge must be between 00:00:01 and 01:00:00 (default 00:02:00).")]
    public TimeSpan MaxHeartbeatAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The listener's URLs as Kestrel takes them (wildcard hosts <c>*</c> and <c>+</c> allowed).</summary>
    public IReadOnlyList<string> ListUrls() =>
        Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>
    /// An address this machine can connect to for a listener URL: a wildcard or "any" host becomes loopback.
    /// Null when the URL is not a plain http address.
    /// </summary>
    public static Uri? ToLocalAddress(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var host = uri.HostNameType switch
        {
            UriHostNameType.IPv4 when uri.Host == "0.0.0.0" => "127.0.0.1",
            UriHostNameType.IPv6 when uri.Host == "[::]" => "[::1]",
            _ => uri.Host,
        };
        return new UriBuilder(uri) { Host = host.Trim('[', ']') }.Uri;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        var urls = ListUrls();
        if (urls.Count == 0)
        {
            yield return new ValidationResult(
                $"Health:Urls is empty. Set it to where /healthz and /metrics should answer (default {DefaultUrls}), " +
                "or set Health:Enabled to false to run without them.",
                [nameof(Urls)]);
            yield break;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            if (ToLocalAddress(urls[i]) is null)
            {
                yield return new ValidationResult(
                    $"Health:Urls entry {i + 1} is not a plain http://host:port address. Use for example {DefaultUrls} " +
                    "(this machine only) or http://0.0.0.0:8080 (every interface). https is not supported: put a reverse proxy in front for that.",
                    [nameof(Urls)]);
            }
        }
    }
}
