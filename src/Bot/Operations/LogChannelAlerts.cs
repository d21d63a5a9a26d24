using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Operators;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Operator alerts (the Apiframe account, the API key, the daily budget): logged loudly at once, then sent to the
/// operators only — the operator channel, or each operator by DM (<see cref="OperatorMessenger"/>) — and never to a
/// server's quota log channel, whose moderators have no business with the operator's account. The same kind of
/// alert is sent at most once per hour, so a burst of failing jobs does not flood the operators.
/// </summary>
public sealed partial class LogChannelAlerts : BackgroundService, IOperatorAlerts
{
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private readonly Channel<OperatorAlert> _alerts = System.Threading.Channels.Channel.CreateBounded<OperatorAlert>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    private readonly Dictionary<OperatorAlertKind, long> _lastPosted = [];
    private readonly OperatorMessenger _operators;
    private readonly TimeProvider _time;
    private readonly ILogger<LogChannelAlerts> _logger;

    public LogChannelAlerts(OperatorMessenger operators, TimeProvider time, ILogger<LogChannelAlerts> logger)
    {
        _operators = operators;
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
                try
                {
                    await PostAsync(alert, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A timeout (a TaskCanceledException), a reset connection, a storage error: the alert is already in
                    // the log, and this service must outlive a degraded Discord, when alerts matter most.
                    LogPostFailed(exception, alert.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PostAsync(OperatorAlert alert, CancellationToken cancellationToken)
    {
        if (_lastPosted.TryGetValue(alert.Kind, out var at) && _time.GetElapsedTime(at) < Quiet)
        {
            return;
        }

        var culture = _operators.Culture;
        var embed = new EmbedBuilder()
            .WithColor(0xFEE75C)
            .WithTitle(BotText.Get(culture, "OperatorAlertTitle"))
            .WithDescription(alert.Message);
        if (alert.GuildId is { } guildId)
        {
            embed.WithFooter(BotText.Format(culture, "OperatorAlertServer", guildId.ToString(CultureInfo.InvariantCulture)));
        }

        // The messenger logs what it could not deliver; an alert that reached nobody is tried again next time.
        var posted = await _operators.SendAsync(new MessageCreate { Embeds = [embed.Build()] }, cancellationToken).ConfigureAwait(false);
        if (posted.Count > 0)
        {
            _lastPosted[alert.Kind] = _time.GetTimestamp();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending operator alert {Kind} failed; it is in the log above, and the next alert is sent as usual")]
    private partial void LogPostFailed(Exception exception, OperatorAlertKind kind);

    [LoggerMessage(Level = LogLevel.Critical, Message = "OPERATOR ALERT {Kind} (guild {GuildId}): {Message}")]
    private partial void LogAlert(OperatorAlertKind kind, ulong? guildId, string message);
}
