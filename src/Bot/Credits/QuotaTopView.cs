using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota top</c>: members by settled spending in a window, ranked "1st, 2nd…", ten per page, with buttons to
/// switch the window and to page (<c>quota:top:{window}:{page}:{tag}</c>).
/// </summary>
public static class QuotaTopView
{
    public const string Action = "top";
    public const int PageSize = 10;

    /// <summary>Ranks beyond this are not offered (the ranking is computed per view).</summary>
    public const int MaxPage = 100;

    /// <param name="spenders">The ranking from the top, at least up to this page (one more shows there is a next page).</param>
    /// <param name="window">The window ranked over.</param>
    /// <param name="page">The 1-based page shown.</param>
    /// <param name="culture">The reader's language.</param>
    public static MessageEdit Render(IReadOnlyList<CreditSpender> spenders, SpendingWindow window, int page, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(spenders);
        var windowName = CreditText.Window(window, culture);
        var text = new StringBuilder();
        var shown = spenders.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        if (shown.Count == 0)
        {
            text.Append(BotText.Format(culture, page == 1 ? "TopNobody" : "TopNoMore", windowName));
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var rank = (page - 1) * PageSize + i + 1;
            var spender = shown[i];
            text.Append(Medal(rank)).Append(" **").Append(CreditText.Ordinal(rank, culture)).Append("** ")
                .Append(CreditText.UserMention(spender.UserId)).Append(" — ")
                .Append(CreditText.Credits(spender.Spent, culture)).Append(" · ")
                .Append(CreditText.Images(spender.Images, culture)).Append('\n');
        }

        var hasNext = spenders.Count > page * PageSize && page < MaxPage;
        var value = CreditsCommands.WindowValue(window);
        var windows = CreditsCommands.WindowChoices.Select(pair => Button.Create(
            pair.Value == window ? ButtonStyle.Primary : ButtonStyle.Secondary,
            Id(pair.Key, 1, "w"),
            CreditText.Capitalize(CreditText.Window(pair.Value, culture), culture),
            disabled: pair.Value == window)).ToArray<Component>();
        return new MessageEdit
        {
            Embeds =
            [
                new EmbedBuilder()
                    .WithColor(CreditText.Info)
                    .WithTitle(BotText.Format(culture, "TopTitle", windowName))
                    .WithDescription(text.ToString())
                    .WithFooter(BotText.Format(culture, "TopFooter", CreditText.Number(page, culture)))
                    .Build(),
            ],
            Components =
            [
                new ActionRow(windows),
                new ActionRow(
                    Button.Create(ButtonStyle.Secondary, Id(value, Math.Max(1, page - 1), "prev"), BotText.Get(culture, "TopPrevious"), "◀️", disabled: page <= 1),
                    Button.Create(ButtonStyle.Secondary, Id(value, page + 1, "next"), BotText.Get(culture, "TopNext"), "▶️", disabled: !hasNext)),
            ],
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>Reads a top button: the window and the page.</summary>
    public static bool TryParse(CustomId id, out SpendingWindow window, out int page)
    {
        ArgumentNullException.ThrowIfNull(id);
        page = 1;
        window = SpendingWindow.ThisMonth;
        if (id.Argument(0) is not { } value || !CreditsCommands.WindowChoices.TryGetValue(value, out window)
            || !int.TryParse(id.Argument(1), NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            return false;
        }

        page = Math.Clamp(page, 1, MaxPage);
        return true;
    }

    private static string Id(string window, int page, string tag) =>
        CustomId.Create(QuotaHandler.Prefix, Action, window, page.ToString(CultureInfo.InvariantCulture), tag);

    private static string Medal(int rank) => rank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => "▫️",
    };
}
