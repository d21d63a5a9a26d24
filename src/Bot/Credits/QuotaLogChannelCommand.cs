using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota log-channel [channel]</c>: sets where moderator actions are posted, or (no channel) stops posting. The
/// change itself is announced in the new channel (and in the old one when it moves or stops), which also proves the
/// bot can post there; if it cannot, the moderator is told what permission to fix.
/// </summary>
public sealed class QuotaLogChannelCommand
{
    private readonly ICreditModeration _moderation;
    private readonly ModeratorActionLog _log;
    private readonly TimeProvider _time;

    public QuotaLogChannelCommand(ICreditModeration moderation, ModeratorActionLog log, TimeProvider time)
    {
        _moderation = moderation;
        _log = log;
        _time = time;
    }

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var interaction = context.Interaction;
        var guildCulture = BotCultures.For(interaction.GuildLocale);
        var previous = _moderation.GetSettings(context.GuildId).LogChannelId;
        var actor = context.UserId;
        var now = _time.GetUtcNow();

        if (interaction.GetOption(CreditsCommands.Channel) is null)
        {
            if (previous is not { } old)
            {
                await QuotaReplies.RefuseAsync(context, BotText.Get(culture, "LogChannelNoneSet")).ConfigureAwait(false);
                return;
            }

            _moderation.SetLogChannel(context.GuildId, actor, null);
            var cleared = new ModeratorNotice(ModeratorAction.LogChannelCleared, actor, now) { ChannelId = old };
            var farewell = await _log.PostToAsync(old, cleared, guildCulture, context.CancellationToken).ConfigureAwait(false);
            await QuotaReplies.ConfirmAsync(context, cleared, farewell).ConfigureAwait(false);
            return;
        }

        if (interaction.GetChannel(CreditsCommands.Channel) is not { } channel)
        {
            await QuotaReplies.RefuseAsync(context, BotText.Get(culture, "QuotaUnknownChannel")).ConfigureAwait(false);
            return;
        }

        if (previous == channel.Id)
        {
            await QuotaReplies.RefuseAsync(context, BotText.Format(culture, "LogChannelAlready", channel.Mention)).ConfigureAwait(false);
            return;
        }

        _moderation.SetLogChannel(context.GuildId, actor, channel.Id);
        var notice = new ModeratorNotice(ModeratorAction.LogChannelSet, actor, now) { ChannelId = channel.Id };
        var post = await _log.PostToAsync(channel.Id, notice, guildCulture, context.CancellationToken).ConfigureAwait(false);
        if (previous is { } moved)
        {
            // Best effort: the old channel learns where the log went; a failure there only matters to the logs.
            await _log.PostToAsync(moved, notice with { Action = ModeratorAction.LogChannelMoved }, guildCulture, context.CancellationToken)
                .ConfigureAwait(false);
        }

        await QuotaReplies.ConfirmAsync(context, notice, post).ConfigureAwait(false);
    }
}
