using System.Diagnostics.Metrics;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The gateway's instruments on the <c>SeedreamBot.Discord.Gateway</c> meter, tagged by shard, for the bot's exporter.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "SeedreamBot.Discord.Gateway";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _identifies;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _events;
    private readonly Counter<long> _droppedEvents;
    private readonly Histogram<double> _latency;

    public GatewayMetrics(IMeterFactory? meterFactory, Func<DiscordGatewayStatus> status)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reconnects = _meter.CreateCounter<long>("discord.gateway.reconnects", "{connection}",
            "Gateway connections opened after a shard's first one, by how they continued the session (resume or identify).");
        _identifies = _meter.CreateCounter<long>("discord.gateway.identifies", "{identify}",
            "Identify payloads sent; each spends one of Discord's daily session starts.");
        _resumes = _meter.CreateCounter<long>("discord.gateway.resumes", "{resume}", "Sessions resumed (RESUMED received).");
        _events = _meter.CreateCounter<long>("discord.gateway.events", "{event}", "Dispatches received, by event name.");
        _droppedEvents = _meter.CreateCounter<long>("discord.gateway.events.dropped", "{event}",
            "Dispatches dropped because a subscriber's queue was full.");
        _latency = _meter.CreateHistogram<double>("discord.gateway.latency", "ms", "Heartbeat round trip (heartbeat to ACK).");
        _meter.CreateObservableGauge("discord.gateway.connected_shards", () => status().ConnectedShards, "{shard}",
            "Shards of this process with events flowing.");
    }

    public void Reconnected(int shardId, bool resuming) =>
        _reconnects.Add(1, Shard(shardId), new("discord.gateway.reconnect.kind", resuming ? "resume" : "identify"));

    public void Identified(int shardId) => _identifies.Add(1, Shard(shardId));

    public void Resumed(int shardId) => _resumes.Add(1, Shard(shardId));

    public void EventReceived(int shardId, string eventName) =>
        _events.Add(1, Shard(shardId), new("discord.gateway.event", eventName));

    public void EventDropped(int shardId, string eventName) =>
        _droppedEvents.Add(1, Shard(shardId), new("discord.gateway.event", eventName));

    public void HeartbeatAcknowledged(int shardId, TimeSpan latency) =>
        _latency.Record(latency.TotalMilliseconds, Shard(shardId));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?> Shard(int shardId) => new("discord.gateway.shard", shardId);
}
