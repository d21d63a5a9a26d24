using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota history</c>: ledger entries newest first, ten per page, with Newer/Older buttons whose ids carry the page
/// and the member (<c>quota:history:{page}:{userId or 0}:{prev|next}</c>), so they work after a restart.
/// </summary>
public static class QuotaHistoryView
{
    public const string Action = "history";
    public const int PageSize = 10;

    private const int MaxReasonShown = 80;

    public static MessageEdit Render(CreditHistoryPage page, ulong? userId, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = new StringBuilder();
        text.Append("**").Append(userId is { } user ? CreditText.UserMention(user) : BotText.Get(culture, "HistoryWholeServer")).Append("**\n\n");
        if (page.TotalEntries == 0)
        {
            text.Append(BotText.Get(culture, "HistoryNoEntries"));
        }

        foreach (var entry in page.Entries)
        {
            AppendEntry(text, entry, userId is null, now, culture);
        }

        var userArgument = (userId ?? 0).ToString(CultureInfo.InvariantCulture);
        return new MessageEdit
        {
            Embeds =
            [
                new EmbedBuilder()
                    .WithColor(CreditText.Info)
                    .WithTitle(BotText.Get(culture, "HistoryLedgerTitle"))
                    .WithDescription(text.ToString())
                    .WithFooter(BotText.Format(culture, "PageFooter", CreditText.Number(page.Page, culture),
                        CreditText.Number(page.TotalPages, culture), BotText.Quantity(culture, "Entry", page.TotalEntries)))
                    .Build(),
            ],
            Components =
            [
                new ActionRow(
                    Button.Create(ButtonStyle.Secondary, PageId(page.Page - 1, userArgument, "prev"),
                        BotText.Get(culture, "HistoryPrevious"), "◀️", disabled: page.Page <= 1),
                    Button.Create(ButtonStyle.Secondary, PageId(page.Page + 1, userArgument, "next"),
                        BotText.Get(culture, "HistoryNext"), "▶️", disabled: page.Page >= page.TotalPages)),
            ],
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>Reads a page button: the page and the member (null for the whole server).</summary>
    public static bool TryParse(CustomId id, out int page, out ulong? userId)
    {
        ArgumentNullException.ThrowIfNull(id);
        page = 1;
        userId = null;
        if (!int.TryParse(id.Argument(0), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            || !ulong.TryParse(id.Argument(1), NumberStyles.None, CultureInfo.InvariantCulture, out var user))
        {
            return false;
        }

        page = Math.Clamp(page, 1, CreditsCommands.MaxPage);
        userId = user == 0 ? null : user;
        return true;
    }

    private static string PageId(int page, string user, string tag) =>
        CustomId.Create(QuotaHandler.Prefix, Action, Math.Max(1, page).ToString(CultureInfo.InvariantCulture), user, tag);

    private static void AppendEntry(StringBuilder text, CreditEntry entry, bool showMember, DateTimeOffset now, CultureInfo culture)
    {
        text.Append('`').Append('#').Append(entry.Id.ToString(CultureInfo.InvariantCulture)).Append("` ")
            .Append(Emoji(entry.Kind)).Append(" **").Append(CreditText.Kind(entry.Kind, culture)).Append("** ")
            .Append(Delta(entry.Delta, culture)).Append(" → ").Append(CreditText.Number(entry.BalanceAfter, culture));
        if (showMember)
        {
            text.Append(" · ").Append(CreditText.UserMention(entry.Scope.UserId));
        }

        if (entry.ActorId is { } actor && actor != entry.Scope.UserId)
        {
            text.Append(" · ").Append(BotText.Format(culture, "HistoryBy", CreditText.UserMention(actor)));
        }

        text.Append(" · ").Append(CreditText.Ago(entry.Time, now, culture)).Append('\n');
        if (!string.IsNullOrWhiteSpace(entry.Reason))
        {
            text.Append("> ").Append(CreditText.Quote(entry.Reason, MaxReasonShown)).Append('\n');
        }
    }

    private static string Delta(int delta, CultureInfo culture) => delta switch
    {
        > 0 => "+" + CreditText.Number(delta, culture),
        < 0 => "−" + CreditText.Number(-(long)delta, culture),
        _ => "±0",
    };

    private static string Emoji(CreditEntryKind kind) => kind switch
    {
        CreditEntryKind.Refill => "🔄",
        CreditEntryKind.Hold => "⏳",
        CreditEntryKind.Settle => "🖼️",
        CreditEntryKind.Release => "↩️",
        CreditEntryKind.Grant => "➕",
        CreditEntryKind.Take => "➖",
        CreditEntryKind.Set => "✏️",
        CreditEntryKind.Reset => "🔁",
        CreditEntryKind.AllowanceChange => "📏",
        CreditEntryKind.Block => "⛔",
        CreditEntryKind.Unblock => "🟢",
        _ => "•",
    };
}
