using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// At start, reads who the operators are, so that they count as moderators from the first interaction, and warns
/// when the bot is public and the policy open (anyone can add it and spend). The settings warnings are
/// <c>StartupReport</c>'s. Never stops the host: a failed read is retried on first use.
/// </summary>
public sealed partial class OperatorStartupCheck : BackgroundService
{
    private readonly OperatorDirectory _operators;
    private readonly IOptions<OperatorOptions> _options;
    private readonly ILogger<OperatorStartupCheck> _logger;

    public OperatorStartupCheck(OperatorDirectory operators, IOptions<OperatorOptions> options, ILogger<OperatorStartupCheck> logger)
    {
        _operators = operators;
        _options = options;
        _logger = logger;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot is public (Discord developer portal → Bot → Public Bot) and the policy is open: anyone can add it to a server and spend your Apiframe credits up to each server's budget")]
    private partial void LogPublicAndOpen();
}
