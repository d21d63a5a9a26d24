using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Healthy while every shard of this process is connected and heartbeats are being acknowledged; otherwise
/// unhealthy, with the reason an operator can act on (a fatal close code says what to fix).
/// </summary>
public sealed class DiscordGatewayHealthCheck : IHealthCheck
{
    public const string Name = "discord_gateway";

    private readonly DiscordGateway _gateway;
    private readonly IOptionsMonitor<HealthOptions> _options;
    private readonly bool _enabled;

    public DiscordGatewayHealthCheck(DiscordGateway gateway, IOptionsMonitor<HealthOptions> options, IOptions<DiscordGatewayOptions> gatewayOptions)
    {
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        _gateway = gateway;
        _options = options;
        _enabled = gatewayOptions.Value.Gateway;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_enabled)
        {
            // Not down: not used. Interactions arrive over the HTTP endpoint.
            return Task.FromResult(HealthCheckResult.Healthy(
                "Not connected on purpose (Discord:Gateway is false): interactions arrive over HTTP.",
                new Dictionary<string, object> { ["enabled"] = false }));
        }

        var status = _gateway.GetStatus();
        var data = new Dictionary<string, object>
        {
            ["shards"] = status.Shards.Count,
            ["connected_shards"] = status.ConnectedShards,
            ["reconnects"] = status.ReconnectCount,
        };
        if (status.Latency is { } latency)
        {
            data["heartbeat_latency_ms"] = Math.Round(latency.TotalMilliseconds, 1);
        }

        if (status.LastAckAge is { } age)
        {
            data["last_heartbeat_ack_seconds"] = Math.Round(age.TotalSeconds, 1);
        }

        if (status.FatalError is { } fatal)
        {
            data["close_code"] = fatal.CloseCode;
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"Discord refused the connection for good (close code {fatal.CloseCode}): {fatal.Message}", data: data));
        }

        if (status.Shards.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The gateway has not started connecting yet.", data: data));
        }

        if (!status.IsConnected)
        {
            var waiting = string.Join(", ", status.Shards.Where(shard => !shard.IsConnected)
                .Select(shard => string.Create(CultureInfo.InvariantCulture, $"shard {shard.ShardId} is {shard.State}")));
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"{status.ConnectedShards} of {status.Shards.Count} shard(s) connected: {waiting}.", data: data));
        }

        var maxAge = _options.CurrentValue.MaxHeartbeatAge;
        if (status.LastAckAge is { } lastAck && lastAck > maxAge)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                string.Create(CultureInfo.InvariantCulture,
                    $"No heartbeat ACK from Discord for {lastAck.TotalSeconds:0} s (Health:MaxHeartbeatAge is {maxAge.TotalSeconds:0} s); the connection looks stuck."),
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            string.Create(CultureInfo.InvariantCulture, $"{status.ConnectedShards} of {status.Shards.Count} shard(s) connected."), data));
    }
}
