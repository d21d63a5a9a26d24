using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Bot.Operators;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Commands;

/// <summary>
/// Registers every feature's commands at start with one bulk overwrite per scope: in the guilds of
/// <c>Discord:GuildIds</c> when set (instant, for testing), otherwise globally. A bulk overwrite is idempotent, so
/// restarting is cheap. Then it removes the bot's own commands from the scopes it no longer targets (global after a
/// switch to listed servers, a server dropped from the list or every listed server after a switch to global), so
/// members never see each command twice. Where it left them is recorded in the database; without a record (a first
/// start, or an update from a build that kept none) it looks at global commands and at every server the bot is in.
/// <c>/operator</c> goes only to <c>Operator:HomeServerId</c>, or, without one, globally for DMs with the bot.
/// </summary>
public sealed partial class CommandRegistrar : BackgroundService
{
    private readonly IEnumerable<ICommandSource> _sources;
    private readonly IDiscordRestClient _rest;
    private readonly BotApplication _application;
    private readonly CommandScopeStore _scopes;
    private readonly IOptions<BotOptions> _options;
    private readonly IOptions<OperatorOptions> _operatorOptions;
    private readonly ILogger<CommandRegistrar> _logger;

    public CommandRegistrar(
        IEnumerable<ICommandSource> sources,
        IDiscordRestClient rest,
        BotApplication application,
        CommandScopeStore scopes,
        IOptions<BotOptions> options,
        IOptions<OperatorOptions> operatorOptions,
        ILogger<CommandRegistrar> logger)
    {
        _sources = sources;
        _rest = rest;
        _application = application;
        _scopes = scopes;
        _options = options;
        _operatorOptions = operatorOptions;
        _logger = logger;
    }

    public IReadOnlyList<ApplicationCommand> AllCommands() => [.. _sources.SelectMany(source => source.Commands)];

    /// <summary>
    /// What goes where: every command in each listed guild, or globally when none is listed; and <c>/operator</c> in
    /// the home server, or globally (for DMs) without one. A guild overwrite replaces the guild's whole list, so the
    /// home server's list holds <c>/operator</c> and, when it is also listed, every other command too.
    /// </summary>
    public IReadOnlyDictionary<CommandScope, IReadOnlyList<ApplicationCommand>> Plan()
    {
        var commands = AllCommands();
        var guildIds = _options.Value.GuildIds;
        var home = _operatorOptions.Value.HomeServerId;
        var plan = new Dictionary<CommandScope, IReadOnlyList<ApplicationCommand>>();
        foreach (var guildId in guildIds.Distinct())
        {
            plan[CommandScope.Guild(guildId)] = guildId == home ? [.. commands, OperatorCommands.Definition(inHomeServer: true)] : commands;
        }

        if (home is { } homeServer && !guildIds.Contains(homeServer))
        {
            plan[CommandScope.Guild(homeServer)] = [OperatorCommands.Definition(inHomeServer: true)];
        }

        IReadOnlyList<ApplicationCommand> global = guildIds.Count == 0 ? commands : [];
        if (home is null)
        {
            global = [.. global, OperatorCommands.Definition(inHomeServer: false)];
        }

        if (global.Count > 0)
        {
            plan[CommandScope.Global] = global;
        }

        return plan;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var plan = Plan();
        ulong applicationId;
        try
        {
            applicationId = await _application.GetIdAsync(stoppingToken).ConfigureAwait(false);
            LogInvite(InvitePermissions.InviteUrl(applicationId));
            foreach (var (scope, commands) in plan)
            {
                await OverwriteAsync(applicationId, scope, commands, stoppingToken).ConfigureAwait(false);
                if (scope.IsGlobal)
                {
                    LogRegisteredGlobally(commands.Count);
                }
                else
                {
                    LogRegisteredInGuild(commands.Count, scope.GuildId!.Value);
                }
            }
        }
        catch (DiscordHttpException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            // A rejected token was reported once already (and stops the bot with exit code 1): no stack trace here.
            LogTokenRejected();
            return;
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The bot still answers commands registered earlier; the operator must fix the cause. Nothing is removed
            // elsewhere either, so members keep the commands they have. Never the end of the host: a timeout or a
            // reset connection here is no reason to stop answering.
            LogRegistrationFailed(exception);
            return;
        }
        catch (OperationCanceledException)
        {
            // Stopping before registration finished: the next start registers.
            return;
        }

        try
        {
            await RemoveLeftoversAsync(applicationId, plan.Keys.ToHashSet(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Housekeeping: a failure here must never stop the bot, which already answers its commands.
            LogCleanupFailed(exception);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start tidies up.
        }
    }

    private async Task RemoveLeftoversAsync(ulong applicationId, HashSet<CommandScope> targets, CancellationToken cancellationToken)
    {
        var recorded = _scopes.Get(applicationId);
        IReadOnlyCollection<CommandScope> candidates;
        if (recorded is not null)
        {
            candidates = recorded;
        }
        else
        {
            try
            {
                candidates = await DiscoverAsync(targets, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordHttpException exception)
            {
                // Nothing is recorded, so the next start looks again.
                LogDiscoveryFailed(exception);
                return;
            }
        }

        // Scopes where removing failed stay recorded and are tried again at the next start.
        var remaining = new HashSet<CommandScope>(targets);
        foreach (var scope in candidates.Where(scope => !targets.Contains(scope)))
        {
            try
            {
                var left = scope.IsGlobal
                    ? await _rest.GetGlobalCommandsAsync(applicationId, cancellationToken).ConfigureAwait(false)
                    : await _rest.GetGuildCommandsAsync(applicationId, scope.GuildId!.Value, cancellationToken).ConfigureAwait(false);
                if (left.Count == 0)
                {
                    continue;
                }

                await OverwriteAsync(applicationId, scope, [], cancellationToken).ConfigureAwait(false);
                if (scope.IsGlobal)
                {
                    LogRemovedGlobal(left.Count);
                }
                else
                {
                    LogRemovedFromGuild(left.Count, scope.GuildId!.Value, targets.Contains(CommandScope.Global) ? "they are registered globally now" : "it is not in Discord:GuildIds any more");
                }
            }
            catch (DiscordHttpException exception) when (!scope.IsGlobal && exception.Code is DiscordErrorCode.MissingAccess or DiscordErrorCode.UnknownGuild)
            {
                // The bot was removed from that server, and Discord removed its commands there with it.
                LogGuildGone(scope.GuildId ?? 0, exception.Code);
            }
            catch (DiscordHttpException exception)
            {
                remaining.Add(scope);
                LogRemovalFailed(exception, scope.ToString());
            }
        }

        _scopes.Save(applicationId, remaining);
    }

    /// <summary>Without a record: global commands, and every server the bot is in that is not a target.</summary>
    private async Task<List<CommandScope>> DiscoverAsync(HashSet<CommandScope> targets, CancellationToken cancellationToken)
    {
        var candidates = new List<CommandScope> { CommandScope.Global };
        ulong after = 0;
        while (true)
        {
            var page = await _rest.GetCurrentUserGuildsAsync(after, 200, cancellationToken).ConfigureAwait(false);
            candidates.AddRange(page.Select(guild => CommandScope.Guild(guild.Id)));
            if (page.Count < 200)
            {
                break;
            }

            after = page[^1].Id;
        }

        var toCheck = candidates.Count(scope => !targets.Contains(scope));
        LogDiscovering(toCheck);
        return candidates;
    }

    private Task<IReadOnlyList<ApplicationCommand>> OverwriteAsync(
        ulong applicationId, CommandScope scope, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        scope.GuildId is { } guildId
            ? _rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, commands, cancellationToken)
            : _rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite the bot to a server with {InviteUrl}")]
    private partial void LogInvite(string inviteUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands globally (they can take up to an hour to appear everywhere)")]
    private partial void LogRegisteredGlobally(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in guild {GuildId}")]
    private partial void LogRegisteredInGuild(int count, ulong guildId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Commands were not registered: Discord rejected the bot token")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the slash commands failed; the bot keeps answering commands registered before")]
    private partial void LogRegistrationFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "No record of where the commands were registered before: checking {Count} scopes (global and the servers the bot is in) for commands left behind")]
    private partial void LogDiscovering(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed the bot's {Count} global commands: Discord:GuildIds lists servers now, and members there would see every command twice")]
    private partial void LogRemovedGlobal(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed the bot's {Count} commands from guild {GuildId}: {Reason}, and members there would see every command twice")]
    private partial void LogRemovedFromGuild(int count, ulong guildId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guild {GuildId} no longer has the bot ({Code}); its commands there went with it")]
    private partial void LogGuildGone(ulong guildId, DiscordErrorCode code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing the bot's commands registered {Scope} earlier failed; trying again at the next start")]
    private partial void LogRemovalFailed(Exception exception, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing commands left behind in scopes the bot no longer targets failed; trying again at the next start")]
    private partial void LogCleanupFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for commands left behind in other scopes failed; looking again at the next start")]
    private partial void LogDiscoveryFailed(Exception exception);
}
