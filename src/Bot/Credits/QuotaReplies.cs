using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>How <c>/quota</c> answers the moderator: always privately.</summary>
public static class QuotaReplies
{
    /// <summary>"❌ …" — nothing changed.</summary>
    public static Task RefuseAsync(InteractionContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReplyPrivatelyAsync(text.StartsWith('❌') ? text : "❌ " + text);
    }

    /// <summary>The action as the log channel shows it, plus a warning when the log post failed.</summary>
    public static Task ConfirmAsync(InteractionContext context, ModeratorNotice notice, LogPost post, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(post);
        var culture = context.Culture;
        var lines = new List<string>();
        if (note is not null)
        {
            lines.Add(note);
        }

        if (post is { Status: LogPostStatus.Failed, ChannelId: { } channel })
        {
            lines.Add("⚠️ " + BotText.Format(culture, "LogPostFailed", CreditText.ChannelMention(channel),
                BotText.Get(culture, post.ProblemKey ?? "LogProblemDiscord")));
        }

        Embed embed = ModeratorNoticeView.Render(notice, culture);
        return context.ReplyPrivatelyAsync(lines.Count == 0 ? null : string.Join('\n', lines), [embed]);
    }
}
