namespace SeedreamBot.Bench.LoadDriver.Child;

/// <summary>Reads the bot's own instruments from its <c>/metrics</c> endpoint.</summary>
internal sealed class BotMetricsScraper : IDisposable
{
    /// <summary>The bot's ack latency (gateway receive → callback accepted), as the Prometheus exporter names it.</summary>
    public const string AckLatencyHistogram = "seedreambot_interaction_ack_latency_seconds";

    private readonly HttpClient _http;
    private readonly Uri _metrics;

    public BotMetricsScraper(Uri healthBaseUrl)
    {
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _metrics = new Uri(healthBaseUrl, "/metrics");
    }

    /// <summary>The ack-latency histogram now; null when the endpoint does not answer (the bot's numbers are then omitted).</summary>
    public async Task<PrometheusHistogram?> AckLatencyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await _http.GetStringAsync(_metrics, cancellationToken).ConfigureAwait(false);
            return PrometheusHistogram.Parse(text, AckLatencyHistogram);
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

    public void Dispose() => _http.Dispose();
}
