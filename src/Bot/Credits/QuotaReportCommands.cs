using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary><c>/quota history</c>, <c>/quota top</c> and <c>/quota settings</c>, and the page buttons of the first two.</summary>
public sealed class QuotaReportCommands
{
    private readonly ICreditModeration _moderation;
    private readonly IOptionsMonitor<CreditOptions> _options;
    private readonly TimeProvider _time;

    public QuotaReportCommands(ICreditModeration moderation, IOptionsMonitor<CreditOptions> options, TimeProvider time)
    {
        _moderation = moderation;
        _options = options;
        _time = time;
    }

    public Task HistoryAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ulong? userId = null;
        if (NamedMember.IsGiven(context.Interaction, CreditsCommands.User))
        {
            // Members who left still have a ledger worth reading, so only an unresolvable user is refused.
            if (NamedMember.From(context.Interaction, CreditsCommands.User) is not { } member)
            {
                return QuotaReplies.RefuseAsync(context, BotText.Get(context.Culture, "QuotaUnknownUser"));
            }

            userId = member.Id;
        }

        var view = History(context, QuotaInput.Page(context.Interaction), userId);
        return context.ReplyPrivatelyAsync(null, view.Embeds, view.Components);
    }

    public Task TopAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendingWindow window;
        if (context.Interaction.GetString(CreditsCommands.Period) is { } value)
        {
            if (!CreditsCommands.WindowChoices.TryGetValue(value, out window))
            {
                return QuotaReplies.RefuseAsync(context, BotText.Get(context.Culture, "QuotaUnknownPeriod"));
            }
        }
        else
        {
            // By default, the span members' allowances refill over: "who used the most of this period".
            window = _moderation.GetSettings(context.GuildId).Period switch
            {
                RefillPeriod.Daily => SpendingWindow.Today,
                RefillPeriod.Weekly => SpendingWindow.ThisWeek,
                RefillPeriod.Monthly => SpendingWindow.ThisMonth,
                _ => SpendingWindow.AllTime,
            };
        }

        var view = Top(context, window, 1);
        return context.ReplyPrivatelyAsync(null, view.Embeds, view.Components);
    }

    public Task SettingsAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = _moderation.GetSettings(context.GuildId);
        return context.ReplyPrivatelyAsync(null, [QuotaSettingsView.Render(settings, _options.CurrentValue.ModeratorRoleIds, _time.GetUtcNow(), context.Culture)]);
    }

    /// <summary>A Newer/Older or window button: the same message shows the requested page.</summary>
    public Task PressAsync(InteractionContext context, CustomId id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(id);
        MessageEdit view;
        if (id.Action == QuotaHistoryView.Action && QuotaHistoryView.TryParse(id, out var page, out var userId))
        {
            view = History(context, page, userId);
        }
        else if (id.Action == QuotaTopView.Action && QuotaTopView.TryParse(id, out var window, out var topPage))
        {
            view = Top(context, window, topPage);
        }
        else
        {
            return context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture));
        }

        return context.UpdateMessageAsync(new InteractionCallbackData
        {
            Embeds = view.Embeds,
            Components = view.Components,
            AllowedMentions = AllowedMentions.None,
        });
    }

    private MessageEdit History(InteractionContext context, int page, ulong? userId)
    {
        var entries = _moderation.GetHistory(context.GuildId, userId, page, QuotaHistoryView.PageSize);
        return QuotaHistoryView.Render(entries, userId, _time.GetUtcNow(), context.Culture);
    }

    private MessageEdit Top(InteractionContext context, SpendingWindow window, int page)
    {
        // One more than the page needs, to know whether there is a next page.
        var spenders = _moderation.GetTopSpenders(context.GuildId, window, page * QuotaTopView.PageSize + 1);
        return QuotaTopView.Render(spenders, window, page, context.Culture);
    }
}
