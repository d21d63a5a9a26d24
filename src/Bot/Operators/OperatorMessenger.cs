using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// Delivers messages meant for operators only: to the operator channel set with <c>/operator alerts</c>, or, without
/// one (or when posting there fails), to each operator by DM. Never to a server's quota log channel.
/// </summary>
public sealed partial class OperatorMessenger
{
    private readonly IServerStore _store;
    private readonly OperatorDirectory _operators;
    private readonly IDiscordRestClient _rest;
    private readonly ILogger<OperatorMessenger> _logger;
    private readonly ConcurrentDictionary<ulong, ulong> _directMessageChannels = new();

    public OperatorMessenger(IServerStore store, OperatorDirectory operators, IDiscordRestClient rest, ILogger<OperatorMessenger> logger)
    {
        _store = store;
        _operators = operators;
        _rest = rest;
        _logger = logger;
    }

    /// <summary>The language operator messages are written in: the one stored with the operator channel, else English.</summary>
    public CultureInfo Culture => BotCultures.For(_store.GetOperatorSettings().Locale);

    /// <summary>
    /// Posts <paramref name="message"/> where operators read it; returns the messages posted (empty when none could
    /// be: the failures are logged). Never throws for Discord's refusals.
    /// </summary>
    public async Task<IReadOnlyList<Message>> SendAsync(MessageCreate message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_store.GetOperatorSettings().AlertChannelId is { } channelId)
        {
            try
            {
                return [await PostAsync(channelId, message, cancellationToken).ConfigureAwait(false)];
            }
            catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
            {
                // The operators must still hear it: fall back to their DMs.
                LogChannelFailed(exception, channelId);
            }
        }

        var posted = new List<Message>();
        foreach (var operatorId in await _operators.GetOperatorsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var channel = await DirectMessageChannelAsync(operatorId, cancellationToken).ConfigureAwait(false);
                posted.Add(await PostAsync(channel, message, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
            {
                LogDirectMessageFailed(exception, operatorId);
            }
        }

        if (posted.Count == 0)
        {
            LogUndelivered();
        }

        return posted;
    }

    // A refusal, a network error, or an HttpClient timeout (a TaskCanceledException nobody asked for).
    private static bool IsDeliveryFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is DiscordHttpException or HttpRequestException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private Task<Message> PostAsync(ulong channelId, MessageCreate message, CancellationToken cancellationToken) =>
        _rest.CreateMessageAsync(
            channelId,
            new MessageCreate
            {
                Content = message.Content,
                Embeds = message.Embeds,
                Components = message.Components,
                AllowedMentions = AllowedMentions.None,

                // Lets the REST client retry a timed-out post without posting it twice.
                Nonce = MessageCreate.NewNonce(),
                EnforceNonce = true,
            },
            cancellationToken: cancellationToken);

    private async Task<ulong> DirectMessageChannelAsync(ulong userId, CancellationToken cancellationToken)
    {
        if (_directMessageChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var channel = await _rest.CreateDirectMessageChannelAsync(userId, cancellationToken).ConfigureAwait(false);
        _directMessageChannels[userId] = channel.Id;
        return channel.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting to the operator channel {ChannelId} failed; sending to each operator by DM instead (check the channel with /operator alerts)")]
    private partial void LogChannelFailed(Exception exception, ulong channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not DM operator {UserId} (DMs closed, or the bot shares no server with them)")]
    private partial void LogDirectMessageFailed(Exception exception, ulong userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message for the operators reached none of them: set an operator channel with /operator alerts")]
    private partial void LogUndelivered();
}
