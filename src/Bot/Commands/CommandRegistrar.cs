using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Commands;

/// <summary>
/// Registers every feature's commands at start with one bulk overwrite: to the guilds in <c>Discord:GuildIds</c>
/// when set (instant, for testing), otherwise globally. A bulk overwrite is idempotent, so restarting is cheap.
/// </summary>
public sealed partial class CommandRegistrar : BackgroundService
{
    private readonly IEnumerable<ICommandSource> _sources;
    private readonly IDiscordRestClient _rest;
    private readonly BotApplication _application;
    private readonly IOptions<BotOptions> _options;
    private readonly ILogger<CommandRegistrar> _logger;

    public CommandRegistrar(
        IEnumerable<ICommandSource> sources,
        IDiscordRestClient rest,
        BotApplication application,
        IOptions<BotOptions> options,
        ILogger<CommandRegistrar> logger)
    {
        _sources = sources;
        _rest = rest;
        _application = application;
        _options = options;
        _logger = logger;
    }

    public IReadOnlyList<ApplicationCommand> AllCommands() => [.. _sources.SelectMany(source => source.Commands)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applicationId = await _application.GetIdAsync(stoppingToken).ConfigureAwait(false);
        var commands = AllCommands();
        var guildIds = _options.Value.GuildIds;
        try
        {
            if (guildIds.Count == 0)
            {
                await _rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, stoppingToken).ConfigureAwait(false);
                LogRegisteredGlobally(commands.Count);
                return;
            }

            foreach (var guildId in guildIds)
            {
                await _rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, commands, stoppingToken).ConfigureAwait(false);
                LogRegisteredInGuild(commands.Count, guildId);
            }
        }
        catch (DiscordHttpException exception)
        {
            // The bot still answers commands registered earlier; the operator must fix the cause.
            LogRegistrationFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands globally (they can take up to an hour to appear everywhere)")]
    private partial void LogRegisteredGlobally(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in guild {GuildId}")]
    private partial void LogRegisteredInGuild(int count, ulong guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the slash commands failed; the bot keeps answering commands registered before")]
    private partial void LogRegistrationFailed(Exception exception);
}
