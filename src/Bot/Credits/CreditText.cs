using System.Globalization;
using Humanizer;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>The small pieces every credits view shares: quantities, periods, relative times, Discord timestamps.</summary>
public static class CreditText
{
    public const int Good = 0x57F287;
    public const int Info = 0x5865F2;
    public const int Warning = 0xFEE75C;
    public const int Bad = 0xED4245;
    public const int Neutral = 0x99AAB5;

    /// <summary>"4 credits", "1 credit", "4 Credits" — in the reader's language.</summary>
    public static string Credits(int amount, CultureInfo culture) => BotText.Quantity(culture, "Credit", amount);

    public static string Images(int count, CultureInfo culture) => BotText.Quantity(culture, "Image", count);

    public static string Number(long value, CultureInfo culture) => value.ToString("N0", culture);

    /// <summary>"every day", "every week"… for sentences.</summary>
    public static string Period(RefillPeriod period, CultureInfo culture) => BotText.Get(culture, "Period" + period);

    /// <summary>"today", "this week"…</summary>
    public static string Window(SpendingWindow window, CultureInfo culture) => BotText.Get(culture, "Window" + window);

    /// <summary>The name of an entry kind as the ledger views show it.</summary>
    public static string Kind(CreditEntryKind kind, CultureInfo culture) => BotText.Get(culture, "Kind" + kind);

    /// <summary>A time span in words, e.g. "5 hours, 3 minutes", never "0 minutes".</summary>
    public static string Span(TimeSpan span, CultureInfo culture) =>
        span < TimeSpan.FromMinutes(1)
            ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(span.TotalSeconds))).Humanize(1, culture, minUnit: TimeUnit.Second)
            : span.Humanize(2, culture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);

    /// <summary>"5 minutes ago", in the reader's language.</summary>
    public static string Ago(DateTimeOffset time, DateTimeOffset now, CultureInfo culture) =>
        time.Humanize(dateToCompareAgainst: now, culture: culture);

    /// <summary>"1st", "2nd" (or "1.", "2." and so on in other languages).</summary>
    public static string Ordinal(int position, CultureInfo culture) => position.Ordinalize(culture);

    /// <summary>Discord's timestamp markup, shown in the reader's own time zone (<c>f</c> date and time, <c>R</c> relative).</summary>
    public static string Timestamp(DateTimeOffset time, char style = 'f') =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{time.ToUnixTimeSeconds()}:{style}>");

    /// <summary>The first letter in upper case, for a phrase used as a value on its own.</summary>
    public static string Capitalize(string text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];
    }

    /// <summary>User text shown inside an embed: one line, no markdown that could break the layout, shortened.</summary>
    public static string Quote(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = text.ReplaceLineEndings(" ").Replace('`', '\'').Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("~", "\\~", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);
        return flat.Length <= maxLength ? flat : flat[..(maxLength - 1)] + "…";
    }

    /// <summary>Where a member's allowance comes from, e.g. "role @Artists" or "server default".</summary>
    public static string AllowanceSource(AllowanceSource source, ulong? roleId, CultureInfo culture) => source switch
    {
        Core.Credits.AllowanceSource.UserOverride => BotText.Get(culture, "SourceOwn"),
        Core.Credits.AllowanceSource.Role when roleId is { } role => BotText.Format(culture, "SourceRole", "<@&" + role.ToString(CultureInfo.InvariantCulture) + ">"),
        Core.Credits.AllowanceSource.GuildDefault => BotText.Get(culture, "SourceServer"),
        Core.Credits.AllowanceSource.DirectMessages => BotText.Get(culture, "SourceDirectMessages"),
        _ => BotText.Get(culture, "SourceConfiguration"),
    };

    /// <summary>"<@id>", the mention markup of a user (renders as a name; never pings with the bot's allowed_mentions).</summary>
    public static string UserMention(ulong userId) => "<@" + userId.ToString(CultureInfo.InvariantCulture) + ">";

    public static string RoleMention(ulong roleId) => "<@&" + roleId.ToString(CultureInfo.InvariantCulture) + ">";

    public static string ChannelMention(ulong channelId) => "<#" + channelId.ToString(CultureInfo.InvariantCulture) + ">";
}
