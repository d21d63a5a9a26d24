using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The Discord gateway for this process: runs its shards (all of them, or <c>Discord:ShardIds</c>), starts them in
/// Discord's identify buckets, and hands every dispatch to subscribers through channels.
/// </summary>
/// <remarks>
/// Usage: <see cref="Subscribe"/> before <see cref="Start"/> (so READY is not missed), then read the channel;
/// <see cref="Faulted"/> completes if Discord refuses the bot for good; <see cref="GetStatus"/> feeds health checks.
/// <see cref="DiscordGatewayService"/> does the starting and stopping in a host.
/// </remarks>
public sealed partial class DiscordGateway : IAsyncDisposable, IDisposable
{
    private readonly DiscordOptions _discord;
    private readonly DiscordGatewayOptions _options;
    private readonly GatewayTimings _timings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly GatewayIdentifyLimiter _identifyLimiter;
    private readonly GatewayDispatchHub _hub;
    private readonly GatewayMetrics _metrics;
    private readonly Func<double> _nextRandom;
    private readonly string _token;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<GatewayFatalError> _faulted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly HashSet<int> _readyShards = [];
    private readonly HashSet<int> _reportedFatalCodes = [];
    private GatewayShard[] _shards = [];
    private GatewayPresence? _presence;
    private Task? _run;
    private bool _disposed;

    public DiscordGateway(
        IGatewayInfoSource gatewayInfoSource,
        IOptions<DiscordOptions> discordOptions,
        IOptions<DiscordGatewayOptions> options,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        GatewayTimings? timings = null,
        IMeterFactory? meterFactory = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(gatewayInfoSource);
        ArgumentNullException.ThrowIfNull(discordOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _discord = discordOptions.Value;
        _options = options.Value;
        _timings = timings ?? GatewayTimings.Discord;
        _time = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DiscordGateway>();
        _token = NormalizeToken(_discord.Token);
        var sharedRandom = random ?? Random.Shared;
        _nextRandom = () =>
        {
            lock (sharedRandom)
            {
                return sharedRandom.NextDouble();
            }
        };
        _metrics = new GatewayMetrics(meterFactory, GetStatus);
        _hub = new GatewayDispatchHub(_options.EventQueueCapacity, _metrics, timeProvider, _logger);
        _identifyLimiter = new GatewayIdentifyLimiter(gatewayInfoSource, _timings, timeProvider, _logger);
    }

    /// <summary>
    /// Completes when a shard stops for good (bad token, disallowed intents, invalid sharding) with the message for
    /// the operator; the host should stop with a non-zero exit code. Cancelled when the gateway is disposed.
    /// </summary>
    public Task<GatewayFatalError> Faulted => _faulted.Task;

    /// <summary>
    /// Completes once every shard of this process has stopped running: stopped, or faulted for good. After it nothing
    /// connects again, which is what lets a test assert that nothing else happened (for tests).
    /// </summary>
    internal Task Completion
    {
        get
        {
            lock (_lock)
            {
                return _run ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>
    /// A new subscription: every dispatch (READY, RESUMED, GUILD_CREATE, INTERACTION_CREATE, …) from now on, in the
    /// order each shard received it. Cancelling <paramref name="unsubscribe"/> ends it; disposing the gateway completes it.
    /// </summary>
    public ChannelReader<GatewayDispatch> Subscribe(CancellationToken unsubscribe = default) => _hub.Subscribe(unsubscribe);

    /// <summary>Starts connecting in the background. Returns at once; watch <see cref="GetStatus"/> or <see cref="WaitUntilReadyAsync"/>.</summary>
    public void Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_run is not null)
            {
                throw new InvalidOperationException("The Discord gateway has already been started.");
            }

            _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Closes every shard's connection (with 1000, so Discord shows the bot offline at once) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? run;
        lock (_lock)
        {
            run = _run;
        }

        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (run is not null)
        {
            await run.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once every shard of this process has received READY.</summary>
    /// <exception cref="InvalidOperationException">A shard stopped for good first; the message says why.</exception>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(_ready.Task, _faulted.Task).WaitAsync(cancellationToken);
        if (first == _faulted.Task && _faulted.Task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException(_faulted.Task.Result.Message);
        }

        await first;
    }

    /// <summary>
    /// Sets the bot's presence on every connected shard, and remembers it for new sessions (Identify carries it).
    /// </summary>
    /// <exception cref="GatewayPayloadTooLargeException">The presence does not fit Discord's 4096-byte payload limit.</exception>
    public async Task UpdatePresenceAsync(GatewayPresence presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presence);
        var payload = GatewayConnection.Encode(GatewayOpCode.PresenceUpdate, presence, GatewayJsonContext.Default.GatewayCommandGatewayPresence);
        EnsureIdentifyFits(presence);
        Volatile.Write(ref _presence, presence);
        foreach (var shard in Volatile.Read(ref _shards))
        {
            await shard.SendPresenceAsync(presence, payload, cancellationToken);
        }
    }

    /// <summary>A snapshot of every shard of this process, for health checks.</summary>
    public DiscordGatewayStatus GetStatus()
    {
        var shards = Volatile.Read(ref _shards);
        var fatal = _faulted.Task.IsCompletedSuccessfully ? _faulted.Task.Result : null;
        return new DiscordGatewayStatus([.. shards.Select(shard => shard.GetStatus())], fatal, _hub.DroppedEvents);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await StopAsync(CancellationToken.None);
        _hub.Complete();
        _faulted.TrySetCanceled();
        _ready.TrySetCanceled();
        _metrics.Dispose();
        _stopping.Dispose();
    }

    /// <summary>For containers disposed synchronously; closes the connections like <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal static string NormalizeToken(string token)
    {
        // Identify takes the raw token; tolerate a pasted "Bot " prefix rather than failing with 4004.
        var trimmed = token.Trim();
        return trimmed.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..].TrimStart() : trimmed;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay, _nextRandom);
        GatewayInfo info;
        while (true)
        {
            try
            {
                info = await _identifyLimiter.GetInfoAsync(refresh: true, stopping);
                break;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Rest.DiscordHttpException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                // GET /gateway/bot refused the token: retrying cannot help, and an Identify would end in 4004.
                ReportFatal(new GatewayFatalError(
                    0,
                    GatewayCloseCodes.AuthenticationFailed,
                    GatewayCloseCodes.DescribeFatal(GatewayCloseCodes.AuthenticationFailed, 0, 1, _discord.Intents)!,
                    _time.GetUtcNow()));
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.NextDelay();
                LogGatewayInfoFailed(ex, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, _time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        var shardCount = _discord.ShardCount ?? Math.Max(1, info.RecommendedShards);
        var shardIds = _options.ShardIds is { Count: > 0 } configured ? configured.Order().ToArray() : [.. Enumerable.Range(0, shardCount)];
        if (shardIds.FirstOrDefault(id => id >= shardCount, -1) is var outOfRange and >= 0)
        {
            ReportFatal(new GatewayFatalError(outOfRange, GatewayCloseCodes.InvalidShard,
                $"Discord:ShardIds lists shard {outOfRange}, but the bot has {shardCount} shard(s) " +
                $"({(_discord.ShardCount is null ? "Discord's recommendation" : "Discord:ShardCount")}). Shard ids must be " +
                "lower than the shard count; set Discord:ShardCount explicitly when splitting shards over processes.",
                _time.GetUtcNow()));
            return;
        }

        var settings = new GatewayShardSettings
        {
            ShardCount = shardCount,
            Token = _token,
            Intents = _discord.Intents,
            ReconnectDelay = _options.ReconnectDelay,
            MaxReconnectDelay = _options.MaxReconnectDelay,
            Timings = _timings,
            MaxMessageBytes = _options.MaxGatewayMessageBytes,
            Time = _time,
            NextRandom = _nextRandom,
        };
        var shardLogger = _loggerFactory.CreateLogger<GatewayShard>();
        var shards = shardIds
            .Select(id => new GatewayShard(id, settings, _identifyLimiter, _hub, _metrics, () => Volatile.Read(ref _presence),
                OnShardReady, OnShardFatal, shardLogger))
            .ToArray();
        Volatile.Write(ref _shards, shards);
        LogStarting(shards.Length, shardCount, info.SessionStartLimit.MaxConcurrency, info.SessionStartLimit.Remaining);
        await Task.WhenAll(shards.Select(shard => shard.RunAsync(stopping)));
    }

    private void OnShardReady(GatewayShard shard)
    {
        lock (_lock)
        {
            if (_readyShards.Add(shard.ShardId) && _readyShards.Count == Volatile.Read(ref _shards).Length)
            {
                _ready.TrySetResult();
            }
        }
    }

    private void OnShardFatal(GatewayShard shard, int closeCode)
    {
        var message = GatewayCloseCodes.DescribeFatal(closeCode, shard.ShardId, shard.ShardCount, _discord.Intents)
            ?? $"Discord closed shard {shard.ShardId} with {closeCode}.";
        var error = new GatewayFatalError(shard.ShardId, closeCode, message, _time.GetUtcNow());
        shard.Fault(error);
        ReportFatal(error);
    }

    private void ReportFatal(GatewayFatalError error)
    {
        bool first;
        lock (_lock)
        {
            first = _reportedFatalCodes.Add(error.CloseCode);
        }

        // One message per cause: with many shards the same bad token would otherwise be reported once per shard.
        if (first)
        {
            LogFatal(error.Message, error.ShardId);
        }
        else
        {
            LogFatalRepeated(error.ShardId, error.CloseCode);
        }

        _faulted.TrySetResult(error);
    }

    private void EnsureIdentifyFits(GatewayPresence presence)
    {
        var identify = new IdentifyData
        {
            Token = _token,
            Properties = IdentifyConnectionProperties.Current,
            Intents = _discord.Intents,
            Shard = [65534, 65535],
            Presence = presence,
        };
        try
        {
            GatewayConnection.Encode(GatewayOpCode.Identify, identify, GatewayJsonContext.Default.GatewayCommandIdentifyData);
        }
        catch (GatewayPayloadTooLargeException ex)
        {
            throw new GatewayPayloadTooLargeException(
                $"This presence would make the Identify payload {ex.Size} bytes, over Discord's {GatewayConnection.MaxPayloadBytes}-byte " +
                "limit, so no new session could start with it. Shorten the activity.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Starting {Shards} of {ShardCount} gateway shard(s); Discord allows {MaxConcurrency} identify(s) per 5 s and {Remaining} more session start(s) today.")]
    private partial void LogStarting(int shards, int shardCount, int maxConcurrency, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway URL from Discord (GET /gateway/bot): {Reason}. Retrying in {Delay}.")]
    private partial void LogGatewayInfoFailed(Exception exception, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message} (shard {ShardId} will not reconnect.)")]
    private partial void LogFatal(string message, int shardId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} stopped for the same reason ({CloseCode}).")]
    private partial void LogFatalRepeated(int shardId, int closeCode);
}
