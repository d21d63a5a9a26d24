using System.Diagnostics.Metrics;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>The public listener's instruments (meter <c>SeedreamBot.Endpoint</c>): requests by path and outcome.</summary>
public sealed class EndpointMetrics
{
    public const string MeterName = "SeedreamBot.Endpoint";

    private readonly Counter<long> _requests;

    public EndpointMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "seedreambot.endpoint.requests",
            unit: "{request}",
            description: "Requests to the public listener, by path (interactions, apiframe_webhooks) and outcome.");
    }

    public void Request(string path, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("path", path), new KeyValuePair<string, object?>("outcome", outcome));
}
