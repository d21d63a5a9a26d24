using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The <c>Apiframe</c> configuration section. Every value but <see cref="ApiKey"/> has a production default; the
/// intervals are configurable so that tests against the fake run in milliseconds.
/// </summary>
public sealed class ApiframeOptions : IValidatableObject
{
    public const string SectionName = "Apiframe";

    /// <summary>Where operators normally put the key (double underscore = section separator).</summary>
    public const string ApiKeyEnvironmentVariable = "Apiframe__ApiKey";

    /// <summary>Every Apiframe v2 key starts with this.</summary>
    public const string ApiKeyPrefix = "afk_";

    public const string DefaultModel = "seedream-5-lite";

    public const string DefaultBaseUrl = "https://api.apiframe.ai";

    /// <summary>Apiframe API key (<c>afk_…</c>). Required. Never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Apiframe API root. Default <c>https://api.apiframe.ai</c>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The hosts Apiframe documents for its CDN, where results are downloaded from.</summary>
    public static readonly IReadOnlyList<string> DocumentedResultHosts = ["cdn.apiframe.ai", "cdn2.apiframe.ai"];

    /// <summary>
    /// Where result images may be downloaded from: host names (https only, public addresses only, no redirect to
    /// another host), or explicit origins such as <c>http://127.0.0.1:5123</c> for a local fake. Entries given in
    /// configuration are added to Apiframe's documented hosts.
    /// </summary>
    public HashSet<string> ResultHosts { get; set; } = new(DocumentedResultHosts, StringComparer.OrdinalIgnoreCase);

    /// <summary>Model id sent as <c>model</c>. Default <c>seedream-5-lite</c>.</summary>
    public string Model { get; set; } = DefaultModel;

    /// <summary>Delay before the first poll of a job; later polls back off ×1.5 up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two polls of a job.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A public URL at which Apiframe reaches the bot's listener (<c>Interactions:Urls</c>, path <c>/webhooks/apiframe</c>).
    /// Set, every job is submitted with <c>webhookUrl</c> and <c>webhookEvents</c>, and the bot learns of progress and
    /// of the end of a job when Apiframe pushes it; polling goes on every <see cref="WebhookPollInterval"/> as a safety
    /// net. Unset: polling only.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// With webhooks on: the delay between polls after the first one (which still comes after <see cref="PollInterval"/>,
    /// so a job that ended while the bot was down is seen at once). A missed webhook costs at most this much.
    /// </summary>
    public TimeSpan WebhookPollInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>True when <see cref="WebhookUrl"/> is set.</summary>
    public bool WebhooksEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>How long to wait for a job to finish before giving up on it.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many generations may run at Apiframe at once (the job queue enforces it).</summary>
    [Range(1, 256, ErrorMessage = "Apiframe:MaxConcurrentJobs must be between 1 and 256 (default 4).")]
    public int MaxConcurrentJobs { get; set; } = 4;

    /// <summary>Timeout of one HTTP attempt (a retry gets a fresh one).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, 5xx, network error or attempt timeout. 0 turns retrying off.</summary>
    [Range(0, 10, ErrorMessage = "Apiframe:MaxRetryAttempts must be between 0 and 10 (default 3).")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> the client waits out; a longer one ends the call as RateLimited.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <see cref="BaseUrl"/> as a URI ending in '/', so relative paths like <c>v2/jobs</c> keep any prefix. A method,
    /// not a property, because it throws for a URL that has not passed validation (validators read properties).
    /// </summary>
    public Uri GetBaseUri() => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Messages name the setting and the fix, never the value: the value may be a secret pasted in the wrong place.
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                $"Apiframe:ApiKey is not set. Put your Apiframe API key (it starts with {ApiKeyPrefix}) in the " +
                $"environment variable {ApiKeyEnvironmentVariable}.",
                [nameof(ApiKey)]);
        }
        else if (!ApiKey.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) || ApiKey.Length == ApiKeyPrefix.Length
                 || ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return new ValidationResult(
                $"Apiframe:ApiKey does not look like an Apiframe API key: keys start with {ApiKeyPrefix} and contain no " +
                $"spaces. Copy the key from the Apiframe dashboard into the environment variable {ApiKeyEnvironmentVariable}.",
                [nameof(ApiKey)]);
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            yield return new ValidationResult(
                $"Apiframe:BaseUrl must be an absolute https URL without a query, such as {DefaultBaseUrl} (the default).",
                [nameof(BaseUrl)]);
        }
        else if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            // The API key travels in every request: plain http only to a fake on this machine.
            yield return new ValidationResult(
                $"Apiframe:BaseUrl must use https (the API key is sent with every request); plain http is allowed only for localhost. Leave it unset for {DefaultBaseUrl}.",
                [nameof(BaseUrl)]);
        }

        foreach (var host in ResultHosts)
        {
            if (Net.HostAllowList.Problem(host) is { } problem)
            {
                yield return new ValidationResult(
                    $"Apiframe:ResultHosts: {problem}. List host names such as {DocumentedResultHosts[0]}.", [nameof(ResultHosts)]);
            }
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult(
                $"Apiframe:Model is empty. Remove the setting to use {DefaultModel}.", [nameof(Model)]);
        }

        foreach (var error in CheckRange(nameof(PollInterval), PollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1), "00:00:02"))
        {
            yield return error;
        }

        foreach (var error in CheckRange(nameof(MaxPollInterval), MaxPollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), "00:00:05"))
        {
            yield return error;
        }

        if (MaxPollInterval < PollInterval)
        {
            yield return new ValidationResult(
                "Apiframe:MaxPollInterval must not be shorter than Apiframe:PollInterval (defaults 00:00:05 and 00:00:02).",
                [nameof(MaxPollInterval), nameof(PollInterval)]);
        }

        if (WebhooksEnabled)
        {
            if (!Uri.TryCreate(WebhookUrl!.Trim(), UriKind.Absolute, out var webhookUri)
                || (webhookUri.Scheme != Uri.UriSchemeHttps && webhookUri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(webhookUri.UserInfo) || !string.IsNullOrEmpty(webhookUri.Fragment))
            {
                yield return new ValidationResult(
                    "Apiframe:WebhookUrl must be an absolute https URL that reaches the bot's listener, such as " +
                    "https://bot.example.com/webhooks/apiframe. Leave it unset to poll only.",
                    [nameof(WebhookUrl)]);
            }
            else if (webhookUri.Scheme == Uri.UriSchemeHttp && !webhookUri.IsLoopback)
            {
                // Job results travel in it: plain http only on this machine, as for the base URLs.
                yield return new ValidationResult(
                    "Apiframe:WebhookUrl must use https (put a reverse proxy with TLS in front of Interactions:Urls); plain http is allowed only for localhost.",
                    [nameof(WebhookUrl)]);
            }
        }

        foreach (var error in CheckRange(nameof(WebhookPollInterval), WebhookPollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), "00:00:20"))
        {
            yield return error;
        }

        if (WebhookPollInterval < MaxPollInterval)
        {
            yield return new ValidationResult(
                "Apiframe:WebhookPollInterval must not be shorter than Apiframe:MaxPollInterval (defaults 00:00:20 and 00:00:05): with webhooks on, polling is the slower safety net.",
                [nameof(WebhookPollInterval), nameof(MaxPollInterval)]);
        }

        foreach (var error in CheckRange(nameof(JobTimeout), JobTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "00:05:00"))
        {
            yield return error;
        }

        // 10 ms is the shortest attempt timeout the resilience pipeline accepts.
        foreach (var error in CheckRange(nameof(RequestTimeout), RequestTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), "00:00:30"))
        {
            yield return error;
        }

        foreach (var error in CheckRange(nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1), "00:00:01"))
        {
            yield return error;
        }

        foreach (var error in CheckRange(nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromMinutes(10), "00:01:00"))
        {
            yield return error;
        }
    }

    /// <summary>Describes the settings without the key, so logging the options object is harmless.</summary>
    public override string ToString() =>
        $"ApiframeOptions {{ BaseUrl = {BaseUrl}, Model = {Model}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set, hidden)")}, " +
        $"PollInterval = {PollInterval}, MaxPollInterval = {MaxPollInterval}, WebhookUrl = {WebhookUrl ?? "(not set)"}, " +
        $"WebhookPollInterval = {WebhookPollInterval}, JobTimeout = {JobTimeout}, " +
        $"MaxConcurrentJobs = {MaxConcurrentJobs}, RequestTimeout = {RequestTimeout}, MaxRetryAttempts = {MaxRetryAttempts}, " +
        $"RetryBaseDelay = {RetryBaseDelay}, MaxRetryAfter = {MaxRetryAfter}, ResultHosts = [{string.Join(", ", ResultHosts)}] }}";

    private static IEnumerable<ValidationResult> CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max, string defaultValue)
    {
        if (value < min || value > max)
        {
            yield return new ValidationResult(
                $"Apiframe:{name} must be between {Format(min)} and {Format(max)} (default {defaultValue}).", [name]);
        }
    }

    private static string Format(TimeSpan value) =>
        value.ToString(value.Milliseconds == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);
}
