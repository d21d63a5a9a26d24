using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// The one pipeline every interaction goes through: route to its handler, pass the gates (server admission), defer
/// as a safety net if the handler is slow, answer "restarting" while shutting down, turn unexpected errors into a
/// friendly private reply, and record metrics and a log scope (interaction, guild, user, command).
/// </summary>
public sealed partial class InteractionProcessor
{
    /// <summary>Discord invalidates an interaction not answered within 3 s; the safety net fires well before.</summary>
    public static readonly TimeSpan SafetyNetDelay = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, IInteractionHandler> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IInteractionHandler> _customIds = new(StringComparer.Ordinal);
    private readonly IInteractionGate[] _gates;
    private readonly IDiscordRestClient _rest;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly InteractionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ChannelPermissionWatch _permissions;
    private readonly ILogger<InteractionProcessor> _logger;

    public InteractionProcessor(
        IEnumerable<IInteractionHandler> handlers,
        IEnumerable<IInteractionGate> gates,
        IDiscordRestClient rest,
        IHostApplicationLifetime lifetime,
        InteractionMetrics metrics,
        TimeProvider time,
        ChannelPermissionWatch permissions,
        ILogger<InteractionProcessor> logger)
    {
        foreach (var handler in handlers)
        {
            foreach (var command in handler.Routes.Commands)
            {
                _commands.Add(command, handler);
            }

            foreach (var prefix in handler.Routes.CustomIdPrefixes)
            {
                _customIds.Add(prefix, handler);
            }
        }

        _gates = [.. gates];
        _rest = rest;
        _lifetime = lifetime;
        _metrics = metrics;
        _time = time;
        _permissions = permissions;
        _logger = logger;
    }

    /// <summary>Handles an interaction from the gateway (initial response over the REST callback).</summary>
    public Task ProcessAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        ProcessAsync(interaction, receivedAt, new RestInteractionCallback(_rest), cancellationToken);

    /// <summary>Handles an interaction whose initial response goes through <paramref name="callback"/>.</summary>
    public async Task ProcessAsync(Interaction interaction, DateTimeOffset receivedAt, IInteractionCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type is InteractionType.Ping)
        {
            return;
        }

        _permissions.Observe(interaction);
        var (handler, label) = Route(interaction);
        using var scope = InteractionScope(_logger, label, interaction.Id, interaction.GuildId, interaction.Member?.User?.Id ?? interaction.User?.Id);

        var context = new InteractionContext(interaction, _rest, callback, _time, receivedAt, cancellationToken);
        var outcome = "ok";
        try
        {
            if (handler is null)
            {
                outcome = "unknown";
                LogUnknown(label);
                await context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)).ConfigureAwait(false);
            }
            else if (_lifetime.ApplicationStopping.IsCancellationRequested)
            {
                outcome = "restarting";
                await context.ReplyPrivatelyAsync(BotText.Restarting(context.Culture)).ConfigureAwait(false);
            }
            else if (!await HandleWithSafetyNetAsync(handler, context).ConfigureAwait(false))
            {
                outcome = "not_admitted";
            }
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownInteraction)
        {
            outcome = "expired";
            LogExpired(exception, label, _time.GetUtcNow() - receivedAt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
        }
        catch (Exception exception)
        {
            outcome = "error";
            LogFailed(exception, label);
            await ApologiseAsync(context).ConfigureAwait(false);
        }
        finally
        {
            _metrics.Handled(label, outcome);
            if (context.AcknowledgedAt is { } acknowledgedAt)
            {
                _metrics.Acknowledged(label, acknowledgedAt - receivedAt);
            }
        }
    }

    /// <summary>Runs the gates, then the handler, under the safety net; false when a gate refused (and answered).</summary>
    private async Task<bool> HandleWithSafetyNetAsync(IInteractionHandler handler, InteractionContext context)
    {
        using var handlerDone = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);

        // A gate that refuses after a public safety-net deferral still answers privately: ReplyPrivatelyAsync removes
        // the "thinking…" message first.
        var safetyNet = SafetyNetAsync(handler, context, handlerDone.Token);
        try
        {
            // Autocomplete cannot carry a message; it only suggests, so it is not gated.
            if (handler.RequiresAdmission && context.Interaction.Type != InteractionType.ApplicationCommandAutocomplete)
            {
                foreach (var gate in _gates)
                {
                    if (!await gate.AdmitAsync(context).ConfigureAwait(false))
                    {
                        return false;
                    }
                }
            }

            await handler.HandleAsync(context).ConfigureAwait(false);
            return true;
        }
        finally
        {
            await handlerDone.CancelAsync().ConfigureAwait(false);
            await safetyNet.ConfigureAwait(false);
        }
    }

    private async Task SafetyNetAsync(IInteractionHandler handler, InteractionContext context, CancellationToken handlerDone)
    {
        try
        {
            var elapsed = _time.GetUtcNow() - context.ReceivedAt;
            var wait = SafetyNetDelay - elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, handlerDone).ConfigureAwait(false);
            }

            if (await context.DeferIfUnansweredAsync(handler.SafetyNetFor(context.Interaction)).ConfigureAwait(false))
            {
                LogSafetyNet(context.Interaction.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished first: nothing to do.
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException)
        {
            // Whatever Discord says here, the handler's own reply (or its error) tells the real story.
            LogSafetyNetFailed(exception);
        }
    }

    private async Task ApologiseAsync(InteractionContext context)
    {
        try
        {
            await context.ReplyPrivatelyAsync(BotText.SomethingWentWrong(context.Culture)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException or OperationCanceledException)
        {
            LogApologyFailed(exception);
        }
    }

    private (IInteractionHandler? Handler, string Label) Route(Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete:
                var name = interaction.CommandName ?? "";
                return (_commands.GetValueOrDefault(name), name);
            case InteractionType.MessageComponent or InteractionType.ModalSubmit
                when CustomId.TryParse(interaction.CustomId, out var customId):
                return (_customIds.GetValueOrDefault(customId.Prefix), customId.Prefix + ":" + customId.Action);
            default:
                return (null, interaction.Type.ToString());
        }
    }

    // A scope with a message template: the console's simple format prints its text, the JSON format its values.
    private static readonly Func<ILogger, string, ulong, ulong?, ulong?, IDisposable?> InteractionScope =
        LoggerMessage.DefineScope<string, ulong, ulong?, ulong?>("Interaction {Command} {InteractionId} (guild {GuildId}, user {UserId})");

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for interaction {Label}; it was answered with a notice")]
    private partial void LogUnknown(string label);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {Label} expired before it was answered ({Elapsed} after it arrived)")]
    private partial void LogExpired(Exception exception, string label, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {Label} failed")]
    private partial void LogFailed(Exception exception, string label);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interaction} was not answered within the safety-net delay and was deferred")]
    private partial void LogSafetyNet(string interaction);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The safety-net deferral was refused")]
    private partial void LogSafetyNetFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member that their interaction failed")]
    private partial void LogApologyFailed(Exception exception);
}
