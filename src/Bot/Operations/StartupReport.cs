using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// The first lines an operator reads: which build starts where, and the settings that leave their money exposed.
/// Registered before every other hosted service so the version line comes first.
/// </summary>
public sealed partial class StartupReport : IHostedService
{
    private readonly IHostEnvironment _environment;
    private readonly IOptions<BotOptions> _bot;
    private readonly IOptions<SpendGuardOptions> _spending;
    private readonly ILogger<StartupReport> _logger;

    public StartupReport(
        IHostEnvironment environment,
        IOptions<BotOptions> bot,
        IOptions<SpendGuardOptions> spending,
        ILogger<StartupReport> logger)
    {
        _environment = environment;
        _bot = bot;
        _spending = spending;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(ProductVersion.Display, RuntimeInformation.FrameworkDescription, _environment.EnvironmentName,
            _environment.ContentRootPath);

        // Global commands reach every server the bot is ever invited to; without a daily budget nothing caps what
        // strangers' servers can spend.
        if (_bot.Value.GuildIds.Count == 0 && _spending.Value.DailyCreditBudget is null)
        {
            LogGlobalWithoutBudget();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting SeedreamBot {Version} on {Runtime}, {Environment} environment, settings from {ContentRoot}")]
    private partial void LogStarting(string version, string runtime, string environment, string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commands are registered globally (Discord:GuildIds is empty) and Apiframe:DailyCreditBudget is not set: " +
        "every server the bot is invited to can spend your Apiframe credits with no daily limit. Set Apiframe:DailyCreditBudget " +
        "(for example 400 = 100 images a day at 4 credits each) and switch Public Bot off in the Discord Developer Portal (Bot page)")]
    private partial void LogGlobalWithoutBudget();
}
