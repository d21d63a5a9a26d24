using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;
using Channel = System.Threading.Channels.Channel;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Operator alerts: logged loudly at once, then posted to the guild's log channel (or, for bot-wide alerts, to
/// every guild that set one). The same alert is posted at most once per hour per channel, so a burst of failing
/// jobs does not flood moderators.
/// </summary>
public sealed partial class LogChannelAlerts : BackgroundService, IOperatorAlerts
{
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private readonly Channel<OperatorAlert> _alerts = System.Threading.Channels.Channel.CreateBounded<OperatorAlert>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    private readonly Dictionary<(ulong Channel, OperatorAlertKind Kind), long> _lastPosted = [];
    private readonly IGuildSettingsStore _settings;
    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<LogChannelAlerts> _logger;

    public LogChannelAlerts(IGuildSettingsStore settings, IDiscordRestClient rest, TimeProvider time, ILogger<LogChannelAlerts> logger)
    {
        _settings = settings;
        _rest = rest;
        _time = time;
        _logger = logger;
    }

    public void Raise(OperatorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(alert.Kind, alert.GuildId, alert.Message);
        _alerts.Writer.TryWrite(alert);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in _alerts.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var channelId in ChannelsFor(alert))
                {
                    await PostAsync(channelId, alert, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IEnumerable<ulong> ChannelsFor(OperatorAlert alert)
    {
        if (alert.GuildId is not { } guildId)
        {
            return _settings.WithLogChannel().Select(settings => settings.LogChannelId!.Value);
        }

        return _settings.Get(guildId).LogChannelId is { } channel ? [channel] : [];
    }

    private async Task PostAsync(ulong channelId, OperatorAlert alert, CancellationToken cancellationToken)
    {
        var key = (channelId, alert.Kind);
        if (_lastPosted.TryGetValue(key, out var at) && _time.GetElapsedTime(at) < Quiet)
        {
            return;
        }

        try
        {
            await _rest.CreateMessageAsync(
                channelId,
                new MessageCreate
                {
                    Embeds = [new EmbedBuilder().WithColor(0xFEE75C).WithTitle("⚠️ SeedreamBot needs its operator").WithDescription(alert.Message).Build()],
                    AllowedMentions = AllowedMentions.None,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            _lastPosted[key] = _time.GetTimestamp();
        }
        catch (DiscordHttpException exception)
        {
            LogPostFailed(exception, channelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "OPERATOR ALERT {Kind} (guild {GuildId}): {Message}")]
    private partial void LogAlert(OperatorAlertKind kind, ulong? guildId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting an operator alert to log channel {ChannelId} failed")]
    private partial void LogPostFailed(Exception exception, ulong channelId);
}
