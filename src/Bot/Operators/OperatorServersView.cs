using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// <c>/operator servers</c>: every server the bot knows of, pending first, then admitted (with why), then declined;
/// each with its name, members, spending this period and its budget.
/// </summary>
public static class OperatorServersView
{
    /// <summary>Discord's limit on an embed field's value.</summary>
    private const int MaxFieldLength = 1024;

    public static Embed Render(
        IReadOnlyList<OperatorServerLine> servers,
        ServerPolicy policy,
        OperatorOptions options,
        ServerPoolBalance? directMessages,
        CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new EmbedBuilder()
            .WithColor(CreditText.Info)
            .WithTitle(BotText.Get(culture, "OperatorServersTitle"))
            .WithDescription(BotText.Format(culture, "OperatorServersHeader",
                ServerPolicies.NameOf(policy),
                CreditText.Credits(options.DefaultServerBudget, culture),
                CreditText.Period(options.ServerBudgetPeriod, culture)));
        AddSection(builder, "OperatorServersPending", servers.Where(s => s.Decision.Reason is AdmissionReason.NotAdmitted
            or AdmissionReason.NeedsMembershipCheck && s.Record?.State == ServerState.Pending).ToList(), culture);
        AddSection(builder, "OperatorServersAdmitted", servers.Where(s => s.Decision.IsAdmitted).ToList(), culture);
        AddSection(builder, "OperatorServersDeclined", servers.Where(s => s.Decision.IsDeclined).ToList(), culture);
        AddSection(builder, "OperatorServersUnknown", servers.Where(s => s.Decision.Reason is AdmissionReason.NeedsMembershipCheck
            or AdmissionReason.NotAdmitted && s.Record?.State != ServerState.Pending).ToList(), culture);
        if (directMessages is not null && (directMessages.Budget > 0 || directMessages.TotalSpent > 0))
        {
            builder.AddField(BotText.Get(culture, "OperatorServersDirectMessages"), Pool(directMessages, culture));
        }

        if (servers.Count == 0)
        {
            builder.AddField(BotText.Get(culture, "OperatorServersNone"), BotText.Get(culture, "OperatorServersNoneText"));
        }

        return builder.Build();
    }

    private static void AddSection(EmbedBuilder builder, string titleKey, List<OperatorServerLine> servers, CultureInfo culture)
    {
        if (servers.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        for (var i = 0; i < servers.Count; i++)
        {
            var line = Line(servers[i], culture) + "\n";
            var more = BotText.Format(culture, "SettingsAndMore", CreditText.Number(servers.Count - i, culture));
            if (text.Length + line.Length + more.Length > MaxFieldLength)
            {
                text.Append(more);
                break;
            }

            text.Append(line);
        }

        builder.AddField(BotText.Format(culture, titleKey, CreditText.Number(servers.Count, culture)), text.ToString().TrimEnd());
    }

    private static string Line(OperatorServerLine server, CultureInfo culture)
    {
        var parts = new List<string> { ServerLabel.Of(server.GuildId, server.Guild?.Name ?? server.Record?.Name) };
        if (server.Guild?.MemberCount is { } members)
        {
            parts.Add(BotText.Format(culture, "OperatorServersMembers", CreditText.Number(members, culture)));
        }

        if (server.Decision.IsAdmitted)
        {
            parts.Add(BotText.Get(culture, "AdmittedBecause" + server.Decision.Reason));
        }

        parts.Add(Pool(server.Pool, culture));
        return string.Join(" · ", parts);
    }

    private static string Pool(ServerPoolBalance pool, CultureInfo culture) =>
        BotText.Format(culture, "OperatorServersPool",
            CreditText.Number(pool.Spent, culture),
            CreditText.Credits(pool.Budget, culture),
            pool.BudgetIsOverride ? BotText.Get(culture, "OperatorServersOwnBudget") : "");
}
