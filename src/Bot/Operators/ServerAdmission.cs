using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// Decides whether a server may use the bot (<see cref="ServerAdmissionRules"/> over the stored decisions), asking
/// Discord whether an operator is a member when the policy is <c>owner-servers</c>: <c>GET
/// /guilds/{id}/members/{user}</c> per operator, answered from a cache for <see cref="MemberCacheFor"/> (or
/// <see cref="NonMemberCacheFor"/> when no operator is there). Records a server's first request and sends it to the
/// operators with Approve and Decline buttons, once per server.
/// </summary>
public sealed partial class ServerAdmission
{
    public static readonly TimeSpan MemberCacheFor = TimeSpan.FromHours(1);

    /// <summary>Shorter, so an operator who joins a server is noticed soon.</summary>
    public static readonly TimeSpan NonMemberCacheFor = TimeSpan.FromMinutes(5);

    private readonly IServerStore _store;
    private readonly OperatorDirectory _operators;
    private readonly OperatorMessenger _messenger;
    private readonly GuildDirectory _guilds;
    private readonly IDiscordRestClient _rest;
    private readonly IOptionsMonitor<OperatorOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ServerAdmission> _logger;
    private readonly ConcurrentDictionary<ulong, (bool Member, long At)> _membership = new();
    private readonly ConcurrentDictionary<ulong, Lazy<Task<bool?>>> _checking = new();

    public ServerAdmission(
        IServerStore store,
        OperatorDirectory operators,
        OperatorMessenger messenger,
        GuildDirectory guilds,
        IDiscordRestClient rest,
        IOptionsMonitor<OperatorOptions> options,
        IOptions<BotOptions> botOptions,
        TimeProvider time,
        ILogger<ServerAdmission> logger)
    {
        _store = store;
        _operators = operators;
        _messenger = messenger;
        _guilds = guilds;
        _rest = rest;
        _options = options;
        _time = time;
        _logger = logger;
        Rules = new ServerAdmissionRules(options.CurrentValue, botOptions.Value.GuildIds);
    }

    public ServerAdmissionRules Rules { get; }

    /// <summary>Whether the server may use the bot now.</summary>
    public async Task<AdmissionCheck> CheckAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var record = _store.Get(guildId);
        var decision = Rules.Decide(guildId, record);
        if (decision.Reason != AdmissionReason.NeedsMembershipCheck)
        {
            return new AdmissionCheck(decision);
        }

        var member = await OperatorIsMemberAsync(guildId, cancellationToken).ConfigureAwait(false);
        return member is { } known
            ? new AdmissionCheck(Rules.Decide(guildId, record, known))
            : new AdmissionCheck(new AdmissionDecision(AdmissionReason.NotAdmitted), CheckFailed: true);
    }

    /// <summary>Whether an operator was found in the server at the last check, if one was made (for the operators' list).</summary>
    public bool? KnownOperatorMembership(ulong guildId) => _membership.TryGetValue(guildId, out var known) ? known.Member : null;

    /// <summary>Forgets the cached membership answer (an operator decided about the server).</summary>
    public void Forget(ulong guildId) => _membership.TryRemove(guildId, out _);

    /// <summary>
    /// Records that <paramref name="userId"/> tried the bot in a server that is not admitted, and, the first time
    /// for that server, asks the operators. Never throws for Discord's refusals.
    /// </summary>
    public async Task RequestAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var guild = await _guilds.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        var request = _store.RequestAdmission(guildId, guild?.Name, userId);
        if (!request.IsNew)
        {
            LogAlreadyAsked(guildId, request.Record.State);
            return;
        }

        LogRequested(guildId, guild?.Name ?? "(unknown)", userId);
        var culture = _messenger.Culture;
        var posted = await _messenger.SendAsync(
            new Discord.Models.MessageCreate
            {
                Embeds = [AdmissionRequestView.Render(request.Record, guild, Rules.Policy, culture)],
                Components = [AdmissionRequestView.Buttons(guildId, culture)],
            },
            cancellationToken).ConfigureAwait(false);
        if (posted.Count == 0)
        {
            LogRequestUndelivered(guildId);
        }
    }

    /// <summary>Leaves a declined server when <c>Operator:LeaveDeclined</c> is on; true when the bot left.</summary>
    public async Task<bool> LeaveIfConfiguredAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (!_options.CurrentValue.LeaveDeclined || Rules.IsConfigured(guildId))
        {
            return false;
        }

        try
        {
            await _rest.LeaveGuildAsync(guildId, cancellationToken).ConfigureAwait(false);
            _guilds.Forget(guildId);
            LogLeft(guildId);
            return true;
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownGuild)
        {
            // Already gone.
            return false;
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException)
        {
            LogLeaveFailed(exception, guildId);
            return false;
        }
    }

    private async Task<bool?> OperatorIsMemberAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_membership.TryGetValue(guildId, out var cached)
            && _time.GetElapsedTime(cached.At) < (cached.Member ? MemberCacheFor : NonMemberCacheFor))
        {
            return cached.Member;
        }

        // Members of a busy server pressing commands at once share one lookup.
        var check = _checking.GetOrAdd(guildId, id => new Lazy<Task<bool?>>(() => LookUpAsync(id, cancellationToken)));
        try
        {
            return await check.Value.ConfigureAwait(false);
        }
        finally
        {
            _checking.TryRemove(new KeyValuePair<ulong, Lazy<Task<bool?>>>(guildId, check));
        }
    }

    private async Task<bool?> LookUpAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var member = false;
        try
        {
            foreach (var operatorId in await _operators.GetOperatorsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await _rest.FindGuildMemberAsync(guildId, operatorId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    member = true;
                    break;
                }
            }
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownGuild || exception.IsMissingPermissions)
        {
            // The bot cannot see the server's members: no operator can be found there.
            member = false;
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException)
        {
            LogMembershipFailed(exception, guildId);
            return null;
        }

        _membership[guildId] = (member, _time.GetTimestamp());
        LogMembership(guildId, member);
        return member;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {GuildId} ({Name}) is not admitted; {UserId} tried the bot, and the operators were asked")]
    private partial void LogRequested(ulong guildId, string name, ulong userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Server {GuildId} is not admitted; its operators were asked before ({State})")]
    private partial void LogAlreadyAsked(ulong guildId, ServerState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The request of server {GuildId} reached no operator; it waits in /operator servers")]
    private partial void LogRequestUndelivered(ulong guildId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Server {GuildId}: an operator is a member: {IsMember}")]
    private partial void LogMembership(ulong guildId, bool isMember);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check whether an operator is a member of server {GuildId}; its members are asked to try again")]
    private partial void LogMembershipFailed(Exception exception, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Left declined server {GuildId} (Operator:LeaveDeclined)")]
    private partial void LogLeft(ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving declined server {GuildId} failed")]
    private partial void LogLeaveFailed(Exception exception, ulong guildId);
}
