using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// A <see cref="DiscordGateway"/> connected over a real loopback socket to a <see cref="FakeGateway"/>, with every
/// interval shortened so that reconnect scenarios take milliseconds.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>Distinctive, so a test can prove it never reaches a log line.</summary>
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake-gateway.s3cr3t-t0ken";

    /// <summary>
    /// The heartbeat interval for tests that do not ask for heartbeats: so long that no scheduled beat happens during
    /// a test, so a busy machine can never delay an ACK into a false zombie and an extra connection.
    /// </summary>
    public static readonly TimeSpan QuietHeartbeat = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The client's identify interval is longer than the fake's window (40 ms) by a little headroom for the two clocks
    /// (the client's monotonic one, the fake's wall clock); the client counts it from the fake's answer, so scheduling
    /// delays on a busy machine can only widen the gap the fake sees.
    /// </summary>
    public static readonly GatewayTimings FastTimings = new()
    {
        IdentifyInterval = TimeSpan.FromMilliseconds(50),
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(50),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(100),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        CloseTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly ILoggerFactory _loggerFactory;

    private GatewayHarness(
        FakeGatewayHost host, DiscordGateway gateway, DispatchRecorder events, CapturedLogs logs, ILoggerFactory loggerFactory,
        DiscordOptions discord, DiscordGatewayOptions options)
    {
        Discord = discord;
        Host = host;
        Gateway = gateway;
        Events = events;
        Logs = logs;
        Options = options;
        _loggerFactory = loggerFactory;
    }

    public FakeGatewayHost Host { get; }

    public FakeGateway Fake => Host.Gateway;

    public DiscordGateway Gateway { get; }

    /// <summary>A subscription opened before start, so it sees READY.</summary>
    public DispatchRecorder Events { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Token, intents and shard count (shared with the REST client).</summary>
    public DiscordOptions Discord { get; }

    public DiscordGatewayOptions Options { get; }

    public static async Task<GatewayHarness> StartAsync(
        Action<FakeGatewayOptions>? fake = null,
        Action<DiscordOptions>? discord = null,
        Action<DiscordGatewayOptions>? client = null,
        GatewayTimings? timings = null,
        Random? random = null,
        IMeterFactory? meterFactory = null,
        bool start = true,
        TimeProvider? time = null)
    {
        var fakeOptions = new FakeGatewayOptions
        {
            Token = Token,
            HeartbeatInterval = QuietHeartbeat,
            IdentifyWindow = TimeSpan.FromMilliseconds(40),
        };
        fake?.Invoke(fakeOptions);
        var host = await FakeGatewayHost.StartAsync(fakeOptions);
        var discordOptions = new DiscordOptions { Token = Token };
        discord?.Invoke(discordOptions);
        var options = new DiscordGatewayOptions
        {
            ReconnectDelay = TimeSpan.FromMilliseconds(20),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        };
        client?.Invoke(options);
        var logs = new CapturedLogs();
        var loggerFactory = logs.CreateFactory();
        var gateway = new DiscordGateway(
            host.InfoSource, Microsoft.Extensions.Options.Options.Create(discordOptions), Microsoft.Extensions.Options.Options.Create(options),
            loggerFactory, time ?? TimeProvider.System,
            timings ?? FastTimings, meterFactory, random ?? new Random(7));
        var events = new DispatchRecorder(gateway.Subscribe());
        if (start)
        {
            gateway.Start();
        }

        return new GatewayHarness(host, gateway, events, logs, loggerFactory, discordOptions, options);
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the gateway's status.</summary>
    public async Task WaitForStatusAsync(Func<DiscordGatewayStatus, bool> condition, string description, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition(Gateway.GetStatus()))
        {
            try
            {
                await Task.Delay(10, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The gateway status never showed {description}: {string.Join("; ", Gateway.GetStatus().Shards)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Events.DisposeAsync();
        await Host.DisposeAsync();
        _loggerFactory.Dispose();
    }
}
