using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operators;

/// <summary><c>/operator alerts [channel]</c> and <c>/operator status</c>.</summary>
public sealed partial class OperatorSettingsCommands
{
    private readonly IServerStore _store;
    private readonly OperatorDirectory _operators;
    private readonly IDiscordRestClient _rest;
    private readonly ApiframeBalanceMonitor _balance;
    private readonly DailySpendGuard _spendGuard;
    private readonly GenerationScheduler _scheduler;
    private readonly IOptionsMonitor<SpendGuardOptions> _spending;
    private readonly IOptionsMonitor<OperatorOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OperatorSettingsCommands> _logger;

    public OperatorSettingsCommands(
        IServerStore store,
        OperatorDirectory operators,
        IDiscordRestClient rest,
        ApiframeBalanceMonitor balance,
        DailySpendGuard spendGuard,
        GenerationScheduler scheduler,
        IOptionsMonitor<SpendGuardOptions> spending,
        IOptionsMonitor<OperatorOptions> options,
        TimeProvider time,
        ILogger<OperatorSettingsCommands> logger)
    {
        _store = store;
        _operators = operators;
        _rest = rest;
        _balance = balance;
        _spendGuard = spendGuard;
        _scheduler = scheduler;
        _spending = spending;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sets the operator channel after posting a first message there (so a channel the bot cannot write to is
    /// refused now, not found out when an alert is lost), or without a channel sends operator messages by DM again.
    /// </summary>
    public async Task AlertsAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        var locale = interaction.GuildLocale ?? interaction.Locale;
        var culture = context.Culture;
        if (interaction.GetOption(OperatorCommands.Channel)?.AsSnowflake() is not { } channelId)
        {
            _store.SetAlertChannel(null, context.UserId, locale);
            LogAlertChannel(null, context.UserId);
            await context.ReplyPrivatelyAsync(BotText.Get(culture, "OperatorAlertsCleared")).ConfigureAwait(false);
            return;
        }

        var channelCulture = BotCultures.For(locale);
        try
        {
            await _rest.CreateMessageAsync(
                channelId,
                new MessageCreate
                {
                    Embeds =
                    [
                        new EmbedBuilder()
                            .WithColor(CreditText.Info)
                            .WithTitle(BotText.Get(channelCulture, "OperatorAlertsHereTitle"))
                            .WithDescription(BotText.Format(channelCulture, "OperatorAlertsHere", CreditText.UserMention(context.UserId)))
                            .Build(),
                    ],
                    AllowedMentions = AllowedMentions.None,
                    Nonce = MessageCreate.NewNonce(),
                    EnforceNonce = true,
                },
                cancellationToken: context.CancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException exception)
        {
            LogAlertChannelRefused(exception, channelId);
            await context.ReplyPrivatelyAsync(BotText.Format(culture, "OperatorAlertsFailed", CreditText.ChannelMention(channelId),
                BotText.Get(culture, exception.Code switch
                {
                    DiscordErrorCode.MissingAccess => "LogProblemNoAccess",
                    DiscordErrorCode.MissingPermissions => "LogProblemNoPermission",
                    DiscordErrorCode.UnknownChannel => "LogProblemChannelGone",
                    _ => "LogProblemDiscord",
                }))).ConfigureAwait(false);
            return;
        }

        _store.SetAlertChannel(channelId, context.UserId, locale);
        LogAlertChannel(channelId, context.UserId);
        await context.ReplyPrivatelyAsync(BotText.Format(culture, "OperatorAlertsSet", CreditText.ChannelMention(channelId))).ConfigureAwait(false);
    }

    public async Task StatusAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operators = await _operators.GetOperatorsAsync(context.CancellationToken).ConfigureAwait(false);
        var status = new OperatorStatus(
            _balance.LastBalance,
            _balance.LastCheckedAt,
            _spending.CurrentValue.DailyCreditBudget,
            _spendGuard.SpentToday,
            _scheduler.Running,
            _scheduler.Waiting,
            ProductVersion.Display,
            _options.CurrentValue.ServerPolicy,
            _store.All().Count(record => record.State == ServerState.Pending),
            _store.GetOperatorSettings().AlertChannelId,
            operators.Count);
        await context.ReplyPrivatelyAsync(null, [OperatorStatusView.Render(status, _time.GetUtcNow(), context.Culture)]).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator channel set to {ChannelId} by {OperatorId} (none: operators are sent DMs)")]
    private partial void LogAlertChannel(ulong? channelId, ulong operatorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot cannot post in channel {ChannelId}; it was not made the operator channel")]
    private partial void LogAlertChannelRefused(Exception exception, ulong channelId);
}
