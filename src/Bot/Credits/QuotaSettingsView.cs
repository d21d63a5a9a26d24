using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota settings</c>: the guild's quota settings at a glance. Everything shown is quota configuration; keep it
/// that way (no tokens, keys or file paths).
/// </summary>
public static class QuotaSettingsView
{
    /// <summary>Discord's limit on an embed field's value.</summary>
    private const int MaxFieldLength = 1024;

    public static Embed Render(QuotaSettings settings, IReadOnlyCollection<ulong> moderatorRoleIds, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(moderatorRoleIds);
        var periodSource = BotText.Get(culture, settings.PeriodIsGuildOverride ? "SettingsFromServer" : "SettingsFromConfiguration");
        var allowanceSource = BotText.Get(culture, settings.DefaultAllowanceSource == AllowanceSource.GuildDefault
            ? "SettingsFromServer"
            : "SettingsFromConfiguration");
        var refill = CreditText.Capitalize(CreditText.Period(settings.Period, culture), culture) + " " + periodSource;
        if (settings.NextRefill is { } next && settings.Period != RefillPeriod.Never)
        {
            refill += "\n" + BotText.Format(culture, "CreditsRefillsIn", CreditText.Span(next > now ? next - now : TimeSpan.Zero, culture))
                + " · " + CreditText.Timestamp(next);
        }

        return new EmbedBuilder()
            .WithColor(CreditText.Info)
            .WithTitle(BotText.Get(culture, "SettingsTitle"))
            .AddField(BotText.Get(culture, "SettingsDefaultAllowance"),
                BotText.Format(culture, "SettingsPerPeriod", CreditText.Credits(settings.DefaultAllowance, culture), CreditText.Period(settings.Period, culture))
                + " " + allowanceSource, inline: true)
            .AddField(BotText.Get(culture, "SettingsPeriod"), refill, inline: true)
            .AddField(BotText.Get(culture, "SettingsTimeZone"), settings.TimeZone, inline: true)
            .AddField(BotText.Get(culture, "SettingsServerBudget"), ServerBudget(settings.ServerPool, now, culture))
            .AddField(BotText.Get(culture, "SettingsRoleAllowances"), RoleAllowances(settings.RoleAllowances, culture))
            .AddField(BotText.Get(culture, "SettingsOwnAllowances"), CreditText.Number(settings.UserOverrideCount, culture), inline: true)
            .AddField(BotText.Get(culture, "SettingsBlocked"), CreditText.Number(settings.BlockedCount, culture), inline: true)
            .AddField(BotText.Get(culture, "SettingsCost"), string.Join(" · ", settings.CostPerSize
                .OrderBy(pair => pair.Key)
                .Select(pair => pair.Key.ToWire() + " " + CreditText.Credits(pair.Value, culture))), inline: true)
            .AddField(BotText.Get(culture, "SettingsDirectMessages"), settings.DirectMessageAllowance == 0
                ? BotText.Get(culture, "SettingsOff")
                : BotText.Format(culture, "SettingsPerPeriod", CreditText.Credits(settings.DirectMessageAllowance, culture), CreditText.Period(settings.Period, culture)),
                inline: true)
            .AddField(BotText.Get(culture, "SettingsMaxAdjustment"), CreditText.Credits(settings.MaxAdjustment, culture), inline: true)
            .AddField(BotText.Get(culture, "SettingsLogChannel"), settings.LogChannelId is { } channel
                ? CreditText.ChannelMention(channel)
                : BotText.Get(culture, "SettingsNoLogChannel"), inline: true)
            .AddField(BotText.Get(culture, "SettingsBannedTerms"), BotText.Format(culture, "SettingsBannedTermsValue",
                BotText.Quantity(culture, "Term", settings.BannedTermCount)), inline: true)
            .AddField(BotText.Get(culture, "SettingsModerators"), Moderators(moderatorRoleIds, culture))
            .Build();
    }

    /// <summary>What the whole server may still spend this period (set by the bot's operator), and when it refills.</summary>
    private static string ServerBudget(ServerPoolBalance pool, DateTimeOffset now, CultureInfo culture)
    {
        var text = BotText.Format(culture, "SettingsServerBudgetValue",
            CreditText.Credits((int)Math.Min(pool.Available, int.MaxValue), culture),
            CreditText.Credits(pool.Budget, culture),
            CreditText.Period(pool.Period, culture),
            CreditText.Number(pool.Spent, culture));
        if (pool.NextRefill is { } next)
        {
            text += "\n" + BotText.Format(culture, "CreditsRefillsIn", CreditText.Span(next > now ? next - now : TimeSpan.Zero, culture))
                + " · " + CreditText.Timestamp(next);
        }

        return text;
    }

    private static string RoleAllowances(IReadOnlyDictionary<ulong, int> roles, CultureInfo culture)
    {
        if (roles.Count == 0)
        {
            return BotText.Get(culture, "SettingsNone");
        }

        var text = new StringBuilder();
        var ordered = roles.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var line = CreditText.RoleMention(ordered[i].Key) + ": " + CreditText.Credits(ordered[i].Value, culture) + "\n";
            var more = BotText.Format(culture, "SettingsAndMore", CreditText.Number(ordered.Count - i, culture));
            if (text.Length + line.Length + more.Length > MaxFieldLength)
            {
                text.Append(more);
                break;
            }

            text.Append(line);
        }

        return text.ToString().TrimEnd();
    }

    private static string Moderators(IReadOnlyCollection<ulong> roleIds, CultureInfo culture)
    {
        var text = BotText.Get(culture, "SettingsModeratorsBase");
        if (roleIds.Count > 0)
        {
            text += " · " + string.Join(", ", roleIds.Take(20).Select(CreditText.RoleMention));
        }

        return text;
    }
}
