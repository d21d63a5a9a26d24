using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Json;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// Reads INTERACTION_CREATE dispatches from the gateway and hands each to the <see cref="InteractionRunner"/>, which
/// answers through the REST callback. When it stops, the runner stops with it: interactions still being answered
/// (from the gateway or the HTTP endpoint) are cancelled and awaited.
/// </summary>
public sealed partial class InteractionDispatcher : BackgroundService
{
    private readonly InteractionRunner _runner;
    private readonly RestInteractionCallback _callback;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly ConcurrentDictionary<int, int> _lastTaken = new();
    private readonly CancellationTokenSource _unsubscribe = new();
    private readonly System.Threading.Channels.ChannelReader<GatewayDispatch> _dispatches;

    public InteractionDispatcher(
        DiscordGateway gateway,
        InteractionRunner runner,
        RestInteractionCallback callback,
        ILogger<InteractionDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _runner = runner;
        _callback = callback;
        _logger = logger;

        // Subscribed here, not in ExecuteAsync: the host builds every hosted service before starting any, so no
        // event (an interaction right after READY) can arrive before this subscription exists. ExecuteAsync runs
        // in the background and could start after the gateway is already connected.
        _dispatches = gateway.Subscribe(_unsubscribe.Token);
    }

    /// <summary>How many interactions had to wait for a free slot so far (for tests and diagnostics).</summary>
    public long WaitedForSlot => _runner.WaitedForSlot;

    /// <summary>Interactions being answered right now, from the gateway or the HTTP endpoint.</summary>
    public int InFlight => _runner.InFlight;

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

        await _runner.StopAsync().ConfigureAwait(false);
    }

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

        await _runner.StartAsync(interaction, dispatch.ReceivedAt, _callback, stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An INTERACTION_CREATE could not be read")]
    private partial void LogUnreadable(Exception exception);
}
