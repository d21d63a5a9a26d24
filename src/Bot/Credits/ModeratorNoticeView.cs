using System.Globalization;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// Renders a <see cref="ModeratorNotice"/>: who did what to whom, the amount, before → after, and the reason.
/// Mentions render as names; the messages carrying it send <c>allowed_mentions</c> that ping nobody.
/// </summary>
public static class ModeratorNoticeView
{
    /// <summary>Banned terms can be offensive: the log shows them behind a spoiler.</summary>
    private const int MaxTermShown = 100;

    public static Embed Render(ModeratorNotice notice, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var builder = new EmbedBuilder()
            .WithColor(Color(notice.Action))
            .WithTitle(BotText.Get(culture, "Notice" + notice.Action))
            .WithDescription(BotText.Format(
                culture,
                "Notice" + notice.Action + "Text",
                CreditText.UserMention(notice.ModeratorId),
                Subject(notice, culture),
                notice.Amount is { } amount ? CreditText.Credits(amount, culture) : ""))
            .WithTimestamp(notice.Time);

        if (notice is { BalanceBefore: { } before, BalanceAfter: { } after })
        {
            builder.AddField(BotText.Get(culture, "NoticeBalance"),
                CreditText.Number(before, culture) + " → " + CreditText.Credits(after, culture), inline: true);
        }

        if (notice.ShowsAllowance)
        {
            builder.AddField(BotText.Get(culture, "NoticeAllowanceField"),
                Allowance(notice.AllowanceBefore, culture) + " → " + Allowance(notice.AllowanceAfter, culture), inline: true);
        }

        if (notice is { PeriodBefore: { } periodBefore, PeriodAfter: { } periodAfter } && periodBefore != periodAfter)
        {
            builder.AddField(BotText.Get(culture, "NoticePeriod"),
                CreditText.Period(periodBefore, culture) + " → " + CreditText.Period(periodAfter, culture), inline: true);
        }

        if (!string.IsNullOrWhiteSpace(notice.Reason))
        {
            builder.AddField(BotText.Get(culture, "NoticeReason"), CreditText.Quote(notice.Reason, 1000));
        }

        var footer = BotText.Format(culture, "NoticeFooterModerator", notice.ModeratorId.ToString(CultureInfo.InvariantCulture));
        if (notice.MemberId is { } member)
        {
            footer += " · " + BotText.Format(culture, "NoticeFooterMember", member.ToString(CultureInfo.InvariantCulture));
        }

        return builder.WithFooter(footer).Build();
    }

    private static string Subject(ModeratorNotice notice, CultureInfo culture)
    {
        if (notice.MemberId is { } member)
        {
            return CreditText.UserMention(member);
        }

        if (notice.RoleId is { } role)
        {
            return CreditText.RoleMention(role);
        }

        if (notice.ChannelId is { } channel)
        {
            return CreditText.ChannelMention(channel);
        }

        if (notice.Term is { } term)
        {
            return "||" + CreditText.Quote(term, MaxTermShown) + "||";
        }

        return BotText.Get(culture, "NoticeServerDefault");
    }

    private static string Allowance(int? amount, CultureInfo culture) =>
        amount is { } value ? CreditText.Credits(value, culture) : BotText.Get(culture, "NoticeInherits");

    private static int Color(ModeratorAction action) => action switch
    {
        ModeratorAction.Grant or ModeratorAction.Unblock => CreditText.Good,
        ModeratorAction.Take or ModeratorAction.Block or ModeratorAction.BanListAdd => CreditText.Bad,
        ModeratorAction.Set or ModeratorAction.Reset or ModeratorAction.Allowance or ModeratorAction.AllowanceClear => CreditText.Warning,
        _ => CreditText.Info,
    };
}
