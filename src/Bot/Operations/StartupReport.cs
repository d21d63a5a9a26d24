using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// The first lines an operator reads: which build starts where, and the settings that leave their money exposed:
/// no daily budget (one warning at every start), the open server policy, direct messages with an allowance but no pool.
/// Registered before every other hosted service so the version line comes first.
/// </summary>
public sealed partial class StartupReport : IHostedService
{
    private readonly IHostEnvironment _environment;
    private readonly IOptions<BotOptions> _bot;
    private readonly IOptions<SpendGuardOptions> _spending;
    private readonly IOptions<OperatorOptions> _operator;
    private readonly IOptions<CreditOptions> _credits;
    private readonly ILogger<StartupReport> _logger;

    public StartupReport(
        IHostEnvironment environment,
        IOptions<BotOptions> bot,
        IOptions<SpendGuardOptions> spending,
        IOptions<OperatorOptions> operatorOptions,
        IOptions<CreditOptions> credits,
        ILogger<StartupReport> logger)
    {
        _environment = environment;
        _bot = bot;
        _spending = spending;
        _operator = operatorOptions;
        _credits = credits;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(ProductVersion.Display, RuntimeInformation.FrameworkDescription, _environment.EnvironmentName,
            _environment.ContentRootPath);

        // Without a daily budget nothing caps what all servers together spend (each still has its server budget);
        // with global commands that includes every server the bot is ever invited to.
        if (_spending.Value.DailyCreditBudget is null)
        {
            LogNoDailyBudget(_bot.Value.GuildIds.Count == 0
                ? "Commands are registered globally (Discord:GuildIds is empty), so every server the bot is invited to can use it. "
                : "");
        }

        var operatorOptions = _operator.Value;
        if (operatorOptions.GetPolicy() == ServerPolicy.Open)
        {
            LogOpenPolicy(operatorOptions.DefaultServerBudget);
        }

        if (_credits.Value.DirectMessageAllowance > 0 && operatorOptions.DirectMessageBudget == 0)
        {
            LogDirectMessagesWithoutPool();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting SeedreamBot {Version} on {Runtime}, {Environment} environment, settings from {ContentRoot}")]
    private partial void LogStarting(string version, string runtime, string environment, string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Global}Apiframe:DailyCreditBudget is not set: nothing caps what the bot spends of your Apiframe " +
        "credits per day, only each server's budget (Operator:DefaultServerBudget). Set Apiframe:DailyCreditBudget " +
        "(for example 400 = 100 images a day at 4 credits each) and switch Public Bot off in the Discord Developer Portal (Bot page)")]
    private partial void LogNoDailyBudget(string global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator:ServerPolicy is open: every server that adds the bot may use it, each up to " +
        "Operator:DefaultServerBudget ({Budget} credits per period). Use owner-servers (the default) or allow-list to decide which servers may spend your Apiframe credits")]
    private partial void LogOpenPolicy(int budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Credits:DirectMessageAllowance is set but Operator:DirectMessageBudget is 0, so direct messages stay off. " +
        "Set Operator:DirectMessageBudget to the credits all direct-message use may spend per period")]
    private partial void LogDirectMessagesWithoutPool();
}
