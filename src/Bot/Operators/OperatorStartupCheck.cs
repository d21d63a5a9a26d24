using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// At start: one warning when <c>Apiframe:DailyCreditBudget</c> is unset and one when <c>Operator:ServerPolicy</c> is
/// <c>open</c> (the two settings that let strangers spend the operator's Apiframe credits), one when direct messages
/// have an allowance but no pool; then reads who the operators are, so that they count as moderators from the first
/// interaction. Never stops the host: a failed read is retried on first use.
/// </summary>
public sealed partial class OperatorStartupCheck : BackgroundService
{
    private readonly OperatorDirectory _operators;
    private readonly IOptions<OperatorOptions> _options;
    private readonly IOptions<SpendGuardOptions> _spending;
    private readonly IOptions<CreditOptions> _credits;
    private readonly ILogger<OperatorStartupCheck> _logger;

    public OperatorStartupCheck(
        OperatorDirectory operators,
        IOptions<OperatorOptions> options,
        IOptions<SpendGuardOptions> spending,
        IOptions<CreditOptions> credits,
        ILogger<OperatorStartupCheck> logger)
    {
        _operators = operators;
        _options = options;
        _spending = spending;
        _credits = credits;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Logged while the host starts, before the first interaction, whatever happens to the reading below.
        if (_spending.Value.DailyCreditBudget is null)
        {
            LogNoDailyBudget();
        }

        var options = _options.Value;
        if (options.GetPolicy() == ServerPolicy.Open)
        {
            LogOpenPolicy(options.DefaultServerBudget);
        }

        if (_credits.Value.DirectMessageAllowance > 0 && options.DirectMessageBudget == 0)
        {
            LogDirectMessagesWithoutPool();
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _operators.GetOperatorsAsync(stoppingToken).ConfigureAwait(false);
            if (_operators.BotIsPublic == true && _options.Value.GetPolicy() == ServerPolicy.Open)
            {
                LogPublicAndOpen();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Never stops the bot: operators are read again on first use.
            LogReadFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the operators at start failed; they are read again when first needed")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apiframe:DailyCreditBudget is not set: nothing limits what the bot spends of your Apiframe credits per day. Set it (e.g. Apiframe__DailyCreditBudget=2000) to cap the daily spend")]
    private partial void LogNoDailyBudget();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator:ServerPolicy is open: every server that adds the bot may use it, each up to Operator:DefaultServerBudget ({Budget} credits per period). Use owner-servers (the default) or allow-list to decide which servers may spend your Apiframe credits")]
    private partial void LogOpenPolicy(int budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Credits:DirectMessageAllowance is set but Operator:DirectMessageBudget is 0, so direct messages stay off. Set Operator:DirectMessageBudget to the credits all direct-message use may spend per period")]
    private partial void LogDirectMessagesWithoutPool();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot is public (Discord developer portal → Bot → Public Bot) and the policy is open: anyone can add it to a server and spend your Apiframe credits up to each server's budget")]
    private partial void LogPublicAndOpen();
}
