using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota banlist add|remove|list</c>: the words and phrases prompts may not contain (whole words, any case).
/// Changes are posted to the log channel with the term behind a spoiler; the list pages with
/// <c>quota:banlist:{page}:{tag}</c> buttons.
/// </summary>
public sealed class QuotaBanListCommands
{
    public const string Action = "banlist";
    public const int PageSize = 25;

    private readonly IGuildSettingsStore _settings;
    private readonly ModeratorActionLog _log;
    private readonly TimeProvider _time;

    public QuotaBanListCommands(IGuildSettingsStore settings, ModeratorActionLog log, TimeProvider time)
    {
        _settings = settings;
        _log = log;
        _time = time;
    }

    public async Task HandleAsync(InteractionContext context, string subcommand)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (subcommand == CreditsCommands.BanListList)
        {
            var view = List(context, 1);
            await context.ReplyPrivatelyAsync(null, view.Embeds, view.Components).ConfigureAwait(false);
            return;
        }

        var culture = context.Culture;
        var term = context.Interaction.GetString(CreditsCommands.Term) ?? "";
        var add = subcommand == CreditsCommands.BanListAdd;
        var result = add ? _settings.AddBannedTerm(context.GuildId, term) : _settings.RemoveBannedTerm(context.GuildId, term);
        if (!result.Changed)
        {
            var shown = CreditText.Quote(result.Term, 100);
            await QuotaReplies.RefuseAsync(context, result.Outcome switch
            {
                BanListOutcome.AlreadyPresent => BotText.Format(culture, "BanListAlready", shown),
                BanListOutcome.NotFound => BotText.Format(culture, "BanListNotFound", shown),
                BanListOutcome.Full => BotText.Format(culture, "BanListFull", CreditText.Number(PromptBanList.MaxTerms, culture)),
                _ => result.Message,
            } + " " + BotText.Get(culture, "QuotaNothingChanged")).ConfigureAwait(false);
            return;
        }

        var notice = new ModeratorNotice(add ? ModeratorAction.BanListAdd : ModeratorAction.BanListRemove, context.UserId, _time.GetUtcNow())
        {
            Term = result.Term,
        };
        var post = await _log.PostAsync(context.GuildId, notice, BotCultures.For(context.Interaction.GuildLocale), context.CancellationToken)
            .ConfigureAwait(false);
        await QuotaReplies.ConfirmAsync(context, notice, post,
            BotText.Format(culture, add ? "BanListAdded" : "BanListRemoved", CreditText.Quote(result.Term, 100),
                BotText.Quantity(culture, "Term", result.Terms.Count))).ConfigureAwait(false);
    }

    /// <summary>A page button of the list.</summary>
    public Task PressAsync(InteractionContext context, CustomId id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(id);
        var page = int.TryParse(id.Argument(0), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var view = List(context, page);
        return context.UpdateMessageAsync(new InteractionCallbackData
        {
            Embeds = view.Embeds,
            Components = view.Components,
            AllowedMentions = AllowedMentions.None,
        });
    }

    private MessageEdit List(InteractionContext context, int requestedPage)
    {
        var culture = context.Culture;
        var terms = _settings.GetBannedTerms(context.GuildId);
        var pages = Math.Max(1, (terms.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(requestedPage, 1, pages);
        var text = new StringBuilder();
        if (terms.Count == 0)
        {
            text.Append(BotText.Get(culture, "BanListEmpty"));
        }

        var first = (page - 1) * PageSize;
        foreach (var (term, index) in terms.Skip(first).Take(PageSize).Select((term, index) => (term, index)))
        {
            text.Append((first + index + 1).ToString(culture)).Append(". ").Append(CreditText.Quote(term, 100)).Append('\n');
        }

        return new MessageEdit
        {
            Embeds =
            [
                new EmbedBuilder()
                    .WithColor(CreditText.Info)
                    .WithTitle(BotText.Get(culture, "BanListTitle"))
                    .WithDescription(text.ToString())
                    .WithFooter(BotText.Format(culture, "PageFooter", CreditText.Number(page, culture), CreditText.Number(pages, culture),
                        BotText.Quantity(culture, "Term", terms.Count)))
                    .Build(),
            ],
            Components = pages == 1
                ? []
                :
                [
                    new ActionRow(
                        Button.Create(ButtonStyle.Secondary, PageId(page - 1, "prev"), BotText.Get(culture, "TopPrevious"), "◀️", disabled: page <= 1),
                        Button.Create(ButtonStyle.Secondary, PageId(page + 1, "next"), BotText.Get(culture, "TopNext"), "▶️", disabled: page >= pages)),
                ],
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static string PageId(int page, string tag) =>
        CustomId.Create(QuotaHandler.Prefix, Action, Math.Max(1, page).ToString(CultureInfo.InvariantCulture), tag);
}
