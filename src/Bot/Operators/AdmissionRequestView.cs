using System.Globalization;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// The message operators get when a server that is not admitted tries the bot: which server, how big, who tried,
/// and Approve / Decline buttons; after a decision, the same message says who decided and loses its buttons.
/// </summary>
public static class AdmissionRequestView
{
    public static Embed Render(ServerRecord record, GuildInfo? guild, ServerPolicy policy, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = CreditText.Quote(guild?.Name ?? record.Name ?? BotText.Get(culture, "OperatorUnknownServerName"), 100);
        var builder = new EmbedBuilder()
            .WithColor(record.State switch
            {
                ServerState.Approved => CreditText.Good,
                ServerState.Declined => CreditText.Bad,
                _ => CreditText.Warning,
            })
            .WithTitle(BotText.Get(culture, "AdmissionRequestTitle"))
            .WithDescription(BotText.Format(culture, "AdmissionRequestText", "**" + name + "**", ServerPolicies.NameOf(policy)))
            .AddField(BotText.Get(culture, "AdmissionFieldServer"), name + "\n`" + Id(record.GuildId) + "`", inline: true)
            .AddField(BotText.Get(culture, "AdmissionFieldMembers"), guild?.MemberCount is { } count
                ? CreditText.Number(count, culture)
                : BotText.Get(culture, "OperatorUnknown"), inline: true);
        if (record.RequestedBy is { } requester)
        {
            builder.AddField(BotText.Get(culture, "AdmissionFieldFirstTry"), CreditText.UserMention(requester)
                + (record.RequestedAt is { } at ? " · " + CreditText.Timestamp(at) : ""), inline: true);
        }

        if (record.State != ServerState.Pending && record.DecidedBy is { } decider)
        {
            builder.AddField(
                BotText.Get(culture, "AdmissionFieldDecision"),
                BotText.Format(culture, record.State == ServerState.Approved ? "AdmissionApprovedBy" : "AdmissionDeclinedBy",
                    CreditText.UserMention(decider))
                + (record.DecidedAt is { } decided ? " · " + CreditText.Timestamp(decided) : ""));
        }

        return builder.WithFooter(BotText.Get(culture, "AdmissionFooter")).Build();
    }

    public static ActionRow Buttons(ulong guildId, CultureInfo culture) => new ActionRowBuilder()
        .AddButton(ButtonStyle.Success, CustomId.Create(OperatorButtons.Prefix, OperatorButtons.Approve, Id(guildId)), BotText.Get(culture, "AdmissionApprove"), "✅")
        .AddButton(ButtonStyle.Danger, CustomId.Create(OperatorButtons.Prefix, OperatorButtons.Decline, Id(guildId)), BotText.Get(culture, "AdmissionDecline"), "⛔")
        .Build();

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
