using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// Who the operators are: the application's owner, or the accepted members of the team that owns it (both from
/// <c>GET /applications/@me</c>), plus <c>Operator:UserIds</c>. The application is read again every
/// <see cref="RefreshInterval"/>, so a new team member becomes an operator without a restart; when Discord cannot be
/// asked, the last answer stays (configured operators always count).
/// </summary>
public sealed partial class OperatorDirectory
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    // After a failed read, ask again soon rather than keep an empty list for ten minutes.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly IDiscordRestClient _rest;
    private readonly IOptionsMonitor<OperatorOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OperatorDirectory> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public OperatorDirectory(
        IDiscordRestClient rest, IOptionsMonitor<OperatorOptions> options, TimeProvider time, ILogger<OperatorDirectory> logger)
    {
        _rest = rest;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether the developer portal's "Public Bot" switch is on, when known (anyone can invite the bot then).</summary>
    public bool? BotIsPublic => _snapshot?.BotPublic;

    /// <summary>Every operator (application owner or team, and configured ones), reading the application when due.</summary>
    public async Task<IReadOnlyCollection<ulong>> GetOperatorsAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || _time.GetElapsedTime(snapshot.ReadAt) >= snapshot.ValidFor)
        {
            snapshot = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return [.. _options.CurrentValue.UserIds.Union(snapshot.FromApplication)];
    }

    /// <summary>The check every operator-only action makes (reads the application when due).</summary>
    public async Task<bool> IsOperatorAsync(ulong userId, CancellationToken cancellationToken) =>
        _options.CurrentValue.UserIds.Contains(userId)
        || (await GetOperatorsAsync(cancellationToken).ConfigureAwait(false)).Contains(userId);

    /// <summary>
    /// Without waiting on Discord: configured operators and those known from the last read. For places that cannot
    /// wait, such as counting operators as moderators.
    /// </summary>
    public bool IsKnownOperator(ulong userId) =>
        _options.CurrentValue.UserIds.Contains(userId) || _snapshot?.FromApplication.Contains(userId) == true;

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            if (current is not null && _time.GetElapsedTime(current.ReadAt) < current.ValidFor)
            {
                return current;
            }

            Snapshot next;
            try
            {
                var application = await _rest.GetCurrentApplicationAsync(cancellationToken).ConfigureAwait(false);
                next = new Snapshot(OwnersOf(application), application.BotPublic, _time.GetTimestamp(), RefreshInterval);
                if (current is null || !current.FromApplication.SetEquals(next.FromApplication))
                {
                    LogOperators(next.FromApplication.Count, application.Team is null ? "its owner" : "its team", _options.CurrentValue.UserIds.Count);
                }
            }
            catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                if (exception is DiscordHttpException { StatusCode: System.Net.HttpStatusCode.Unauthorized })
                {
                    // A rejected token is reported once, by the REST client, and stops the bot: no stack trace here.
                    LogTokenRejected();
                }
                else
                {
                    LogReadFailed(exception);
                }

                next = new Snapshot(current?.FromApplication ?? [], current?.BotPublic, _time.GetTimestamp(), RetryAfterFailure);
            }

            _snapshot = next;
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The owner, or for a team-owned application its owner and accepted members (invited ones are not in yet).</summary>
    private static HashSet<ulong> OwnersOf(Application application)
    {
        if (application.Team is { } team)
        {
            return [team.OwnerUserId, .. team.Members.Where(member => member.IsAccepted).Select(member => member.User.Id)];
        }

        return application.Owner is { } owner ? [owner.Id] : [];
    }

    private sealed record Snapshot(HashSet<ulong> FromApplication, bool? BotPublic, long ReadAt, TimeSpan ValidFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operators: {Count} from the Discord application ({Source}), {Configured} from Operator:UserIds")]
    private partial void LogOperators(int count, string source, int configured);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The application's owner and team were not read: Discord rejected the bot token")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the application's owner and team failed; operators from the last read and Operator:UserIds still count")]
    private partial void LogReadFailed(Exception exception);
}
