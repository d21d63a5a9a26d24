namespace SeedreamBot.Bench.LoadDriver.Child;

/// <summary>Reads the bot's own instruments from its <c>/metrics</c> endpoint.</summary>
internal sealed class BotMetricsScraper : IDisposable
{
    /// <summary>The bot's ack latency (gateway receive → callback accepted), as the Prometheus exporter names it.</summary>
    public const string AckLatencyHistogram = "seedreambot_interaction_ack_latency_seconds";

    /// <summary>From Apiframe finishing a job to the bot knowing, labelled by <c>source</c> (webhook or poll).</summary>
    public const string NoticeDelayHistogram = "seedreambot_apiframe_job_notice_delay_seconds";

    private readonly HttpClient _http;
    private readonly Uri _metrics;

    public BotMetricsScraper(Uri healthBaseUrl)
    {
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _metrics = new Uri(healthBaseUrl, "/metrics");
    }

    /// <summary>The ack-latency histogram now; null when the endpoint does not answer (the bot's numbers are then omitted).</summary>
    public Task<PrometheusHistogram?> AckLatencyAsync(CancellationToken cancellationToken) =>
        HistogramAsync(AckLatencyHistogram, null, cancellationToken);

    /// <summary>The notice-delay histogram of one source (<c>webhook</c> or <c>poll</c>) now; null when the endpoint does not answer.</summary>
    public Task<PrometheusHistogram?> NoticeDelayAsync(string source, CancellationToken cancellationToken) =>
        HistogramAsync(NoticeDelayHistogram, $"source=\"{source}\"", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<PrometheusHistogram?> HistogramAsync(string name, string? label, CancellationToken cancellationToken)
    {
        try
        {
            var text = await _http.GetStringAsync(_metrics, cancellationToken).ConfigureAwait(false);
            return PrometheusHistogram.Parse(text, name, label);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
