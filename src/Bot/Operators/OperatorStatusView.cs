using System.Globalization;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary><c>/operator status</c>: the Apiframe balance, the daily budget, jobs in flight, the version, the policy.</summary>
public static class OperatorStatusView
{
    public static Embed Render(OperatorStatus status, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(status);
        var balance = status.ApiframeCredits is { } credits
            ? CreditText.Number(credits, culture) + (status.ApiframeCheckedAt is { } at ? " · " + CreditText.Ago(at, now, culture) : "")
            : BotText.Get(culture, "OperatorUnknown");
        var budget = status.DailyBudget is { } daily
            ? BotText.Format(culture, "OperatorStatusBudgetValue", CreditText.Number(status.SpentToday, culture), CreditText.Number(daily, culture))
            : BotText.Format(culture, "OperatorStatusNoBudget", CreditText.Number(status.SpentToday, culture));
        return new EmbedBuilder()
            .WithColor(CreditText.Info)
            .WithTitle(BotText.Get(culture, "OperatorStatusTitle"))
            .AddField(BotText.Get(culture, "OperatorStatusBalance"), balance, inline: true)
            .AddField(BotText.Get(culture, "OperatorStatusDailyBudget"), budget, inline: true)
            .AddField(BotText.Get(culture, "OperatorStatusJobs"), BotText.Format(culture, "OperatorStatusJobsValue",
                CreditText.Number(status.Running, culture), CreditText.Number(status.Waiting, culture)), inline: true)
            .AddField(BotText.Get(culture, "OperatorStatusPolicy"), "`" + status.Policy + "`", inline: true)
            .AddField(BotText.Get(culture, "OperatorStatusPending"), CreditText.Number(status.PendingServers, culture), inline: true)
            .AddField(BotText.Get(culture, "OperatorStatusAlerts"), status.AlertChannelId is { } channel
                ? CreditText.ChannelMention(channel)
                : BotText.Format(culture, "OperatorStatusAlertsByDm", CreditText.Number(status.Operators, culture)), inline: true)
            .WithFooter(BotText.Format(culture, "OperatorStatusVersion", status.Version))
            .Build();
    }
}
