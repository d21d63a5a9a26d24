using System.Globalization;
using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// Posts moderator actions to the guild's log channel. A failing post never fails the moderator's command: it is
/// logged as a warning and reported back so the moderator can fix the channel's permissions.
/// </summary>
public sealed partial class ModeratorActionLog
{
    /// <summary>How long a moderator waits for the log post at most before their confirmation is sent anyway.</summary>
    public static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(10);

    private readonly IGuildSettingsStore _settings;
    private readonly IDiscordRestClient _rest;
    private readonly ILogger<ModeratorActionLog> _logger;

    public ModeratorActionLog(IGuildSettingsStore settings, IDiscordRestClient rest, ILogger<ModeratorActionLog> logger)
    {
        _settings = settings;
        _rest = rest;
        _logger = logger;
    }

    /// <summary>Posts to the guild's log channel, if it has one.</summary>
    public Task<LogPost> PostAsync(ulong guildId, ModeratorNotice notice, CultureInfo culture, CancellationToken cancellationToken) =>
        _settings.Get(guildId).LogChannelId is { } channelId
            ? PostToAsync(channelId, notice, culture, cancellationToken)
            : Task.FromResult(LogPost.NoChannel);

    /// <summary>Posts to one channel (a log channel being set, or the one being left).</summary>
    public async Task<LogPost> PostToAsync(ulong channelId, ModeratorNotice notice, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        try
        {
            await _rest.CreateMessageAsync(
                channelId,
                new MessageCreate
                {
                    Embeds = [ModeratorNoticeView.Render(notice, culture)],
                    AllowedMentions = AllowedMentions.None,

                    // Lets the REST client retry a timed-out post without posting the notice twice.
                    Nonce = MessageCreate.NewNonce(),
                    EnforceNonce = true,
                },
                cancellationToken: timeout.Token).ConfigureAwait(false);
            return new LogPost(LogPostStatus.Posted, channelId);
        }
        catch (DiscordHttpException exception)
        {
            LogPostFailed(exception, notice.Action, channelId);
            return new LogPost(LogPostStatus.Failed, channelId, exception.Code switch
            {
                DiscordErrorCode.MissingAccess => "LogProblemNoAccess",
                DiscordErrorCode.MissingPermissions => "LogProblemNoPermission",
                DiscordErrorCode.UnknownChannel => "LogProblemChannelGone",
                _ => "LogProblemDiscord",
            });
        }
        catch (HttpRequestException exception)
        {
            LogPostFailed(exception, notice.Action, channelId);
            return new LogPost(LogPostStatus.Failed, channelId, "LogProblemDiscord");
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(exception, notice.Action, channelId);
            return new LogPost(LogPostStatus.Failed, channelId, "LogProblemDiscord");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting the {Action} notice to log channel {ChannelId} failed; the action itself succeeded")]
    private partial void LogPostFailed(Exception exception, ModeratorAction action, ulong channelId);
}
