using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Json;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// Reads INTERACTION_CREATE dispatches from the gateway and hands each to the <see cref="InteractionProcessor"/>
/// on its own task, so one slow interaction never delays the next one's 3-second deadline. At most
/// <c>Interactions:MaxConcurrent</c> run at once: beyond that they wait in line (never dropped) and a warning says so.
/// </summary>
public sealed partial class InteractionDispatcher : BackgroundService
{
    private readonly DiscordGateway _gateway;
    private readonly InteractionProcessor _processor;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly ConcurrentDictionary<int, int> _lastTaken = new();
    private readonly CancellationTokenSource _unsubscribe = new();
    private readonly System.Threading.Channels.ChannelReader<GatewayDispatch> _dispatches;

    private static readonly TimeSpan SaturationWarningInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _slots;
    private readonly int _maxConcurrent;
    private readonly TimeProvider _time;
    private long _lastSaturationWarning = long.MinValue;
    private long _waitedForSlot;

    public InteractionDispatcher(
        DiscordGateway gateway,
        InteractionProcessor processor,
        IOptions<InteractionOptions> options,
        TimeProvider time,
        ILogger<InteractionDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _processor = processor;
        _logger = logger;
        _time = time;
        _maxConcurrent = options.Value.MaxConcurrent;
        _slots = new SemaphoreSlim(_maxConcurrent, _maxConcurrent);

        // Subscribed here, not in ExecuteAsync: the host builds every hosted service before starting any, so no
        // event (an interaction right after READY) can arrive before this subscription exists. ExecuteAsync runs
        // in the background and could start after the gateway is already connected.
        _dispatches = gateway.Subscribe(_unsubscribe.Token);
    }

    /// <summary>Interactions being answered right now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>
    /// The sequence number of the last dispatch of <paramref name="shardId"/>'s session taken from the gateway (an
    /// interaction among them is counted in <see cref="InFlight"/> by then); null before the first.
    /// </summary>
    public int? LastTakenSequence(int shardId) => _lastTaken.TryGetValue(shardId, out var sequence) ? sequence : null;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _unsubscribe.CancelAsync().ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _unsubscribe.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatches = _dispatches;
        try
        {
            await foreach (var dispatch in dispatches.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (dispatch.IsInteraction())
                {
                    await StartAsync(dispatch, stoppingToken).ConfigureAwait(false);
                }

                _lastTaken[dispatch.ShardId] = dispatch.Sequence;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let interactions that are mid-answer finish (they observe the same token).
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    /// <summary>How many interactions had to wait for a free slot so far (for tests and diagnostics).</summary>
    public long WaitedForSlot => Interlocked.Read(ref _waitedForSlot);

    private async Task TakeSlotAsync(CancellationToken stoppingToken)
    {
        if (_slots.Wait(0))
        {
            return;
        }

        Interlocked.Increment(ref _waitedForSlot);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSaturationWarning);
        if (last == long.MinValue || _time.GetElapsedTime(last, now) >= SaturationWarningInterval)
        {
            Interlocked.Exchange(ref _lastSaturationWarning, now);
            LogSaturated(_maxConcurrent);
        }

        // Queue, not drop: the gateway keeps the next events while this one waits for a slot.
        await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
    }

    private async Task ProcessAndFreeSlotAsync(Discord.Models.Interaction interaction, DateTimeOffset receivedAt, CancellationToken stoppingToken)
    {
        try
        {
            await _processor.ProcessAsync(interaction, receivedAt, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The processor answers every failure itself; this is a last line so a slot is never lost.
            LogProcessorFailed(exception);
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "All {MaxConcurrent} interaction slots are busy (Interactions:MaxConcurrent); new interactions wait in line for one")]
    private partial void LogSaturated(int maxConcurrent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling an interaction failed outside the pipeline")]
    private partial void LogProcessorFailed(Exception exception);

    private async Task StartAsync(GatewayDispatch dispatch, CancellationToken stoppingToken)
    {
        Discord.Models.Interaction interaction;
        try
        {
            interaction = dispatch.ToInteraction();
        }
        catch (System.Text.Json.JsonException exception)
        {
            LogUnreadable(exception);
            return;
        }

        await TakeSlotAsync(stoppingToken).ConfigureAwait(false);
        var task = Task.Run(() => ProcessAndFreeSlotAsync(interaction, dispatch.ReceivedAt, stoppingToken), CancellationToken.None);
        _inFlight[task] = 0;
        _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An INTERACTION_CREATE could not be read")]
    private partial void LogUnreadable(Exception exception);
}
