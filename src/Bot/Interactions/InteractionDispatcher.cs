using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Json;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// Reads INTERACTION_CREATE dispatches from the gateway and hands each to the <see cref="InteractionProcessor"/>
/// on its own task, so one slow interaction never delays the next one's 3-second deadline.
/// </summary>
public sealed partial class InteractionDispatcher : BackgroundService
{
    private readonly DiscordGateway _gateway;
    private readonly InteractionProcessor _processor;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _unsubscribe = new();
    private readonly System.Threading.Channels.ChannelReader<GatewayDispatch> _dispatches;

    public InteractionDispatcher(DiscordGateway gateway, InteractionProcessor processor, ILogger<InteractionDispatcher> logger)
    {
        _gateway = gateway;
        _processor = processor;
        _logger = logger;

        // Subscribed here, not in ExecuteAsync: the host builds every hosted service before starting any, so no
        // event (an interaction right after READY) can arrive before this subscription exists. ExecuteAsync runs
        // in the background and could start after the gateway is already connected.
        _dispatches = gateway.Subscribe(_unsubscribe.Token);
    }

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
                if (!dispatch.IsInteraction())
                {
                    continue;
                }

                Discord.Models.Interaction interaction;
                try
                {
                    interaction = dispatch.ToInteraction();
                }
                catch (System.Text.Json.JsonException exception)
                {
                    LogUnreadable(exception);
                    continue;
                }

                var task = Task.Run(() => _processor.ProcessAsync(interaction, dispatch.ReceivedAt, stoppingToken), CancellationToken.None);
                _inFlight[task] = 0;
                _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let interactions that are mid-answer finish (they observe the same token).
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An INTERACTION_CREATE could not be read")]
    private partial void LogUnreadable(Exception exception);
}
