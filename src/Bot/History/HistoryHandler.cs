using System.Globalization;
using System.Text;
using Humanizer;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.History;

/// <summary>
/// <c>/history</c>: the member's recent generations in this server (or DMs), privately, five per page, each with a
/// link to its message and a re-run button (<c>gen:rerun:…</c>, handled with the result buttons).
/// </summary>
public sealed class HistoryHandler : IInteractionHandler
{
    public const string Prefix = "hist";
    public const int PageSize = 5;

    private readonly GenerationService _generations;
    private readonly TimeProvider _time;

    public HistoryHandler(GenerationService generations, TimeProvider time)
    {
        _generations = generations;
        _time = time;
    }

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(HistoryCommands.History).WithCustomIdPrefixes(Prefix);

    public Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.Type == InteractionType.MessageComponent)
        {
            // hist:page:{n}:{userId} — the page buttons of someone's own private history.
            var page = CustomId.TryParse(context.Interaction.CustomId, out var id)
                && int.TryParse(id.Argument(0), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            var data = Render(context, page);
            return context.UpdateMessageAsync(new InteractionCallbackData
            {
                Embeds = data.Embeds,
                Components = data.Components,
                AllowedMentions = AllowedMentions.None,
            });
        }

        var rendered = Render(context, (int)(context.Interaction.GetInteger(HistoryCommands.Page) ?? 1));
        return context.ReplyPrivatelyAsync(null, rendered.Embeds, rendered.Components);
    }

    private MessageEdit Render(InteractionContext context, int requestedPage)
    {
        var culture = context.Culture;
        var page = _generations.History(context.CreditMember.Scope, requestedPage, PageSize);
        if (page.Total == 0)
        {
            return new MessageEdit
            {
                Embeds = [new EmbedBuilder().WithColor(GenerationMessages.Waiting).WithTitle(BotText.Get(culture, "HistoryTitle"))
                    .WithDescription(BotText.Get(culture, "HistoryEmpty")).Build()],
                Components = [],
            };
        }

        var now = _time.GetUtcNow();
        var text = new StringBuilder();
        var rerun = new List<Component>();
        for (var i = 0; i < page.Items.Count; i++)
        {
            var generation = page.Items[i];
            var number = (page.Page - 1) * PageSize + i + 1;
            text.Append("**").Append(number.ToString(culture)).Append(".** ")
                .Append(State(generation)).Append(' ')
                .Append('`').Append(Shorten(generation.Prompt)).Append("` · ")
                .Append(generation.CreatedAt.Humanize(dateToCompareAgainst: now, culture: culture));
            if (generation is { ResultChannelId: { } channel, ResultMessageId: { } message })
            {
                var guild = generation.GuildId == 0 ? "@me" : generation.GuildId.ToString(CultureInfo.InvariantCulture);
                text.Append(" · [").Append(BotText.Get(culture, "HistoryOpen")).Append("](https://discord.com/channels/")
                    .Append(guild).Append('/').Append(channel).Append('/').Append(message).Append(')');
            }

            text.Append('\n');
            rerun.Add(Button.Create(
                ButtonStyle.Secondary,
                CustomId.Create(GenerationButtons.Prefix, GenerationButtons.Rerun, generation.Id),
                BotText.Format(culture, "HistoryRerun", number.ToString(culture)),
                "🔁"));
        }

        var navigation = new ActionRow(
            Button.Create(ButtonStyle.Secondary, CustomId.Create(Prefix, "page", (page.Page - 1).ToString(CultureInfo.InvariantCulture), "prev"),
                BotText.Get(culture, "HistoryPrevious"), "◀️", disabled: page.Page <= 1),
            Button.Create(ButtonStyle.Secondary, CustomId.Create(Prefix, "page", (page.Page + 1).ToString(CultureInfo.InvariantCulture), "next"),
                BotText.Get(culture, "HistoryNext"), "▶️", disabled: page.Page >= page.Pages));

        return new MessageEdit
        {
            Embeds =
            [
                new EmbedBuilder()
                    .WithColor(GenerationMessages.Working)
                    .WithTitle(BotText.Get(culture, "HistoryTitle"))
                    .WithDescription(text.ToString())
                    .WithFooter(BotText.Format(culture, "HistoryFooter", page.Page.ToString(culture), page.Pages.ToString(culture),
                        BotText.Quantity(culture, "Image", page.Total)))
                    .Build(),
            ],
            Components = [new ActionRow([.. rerun]), navigation],
        };
    }

    private static string State(GenerationRecord generation) => generation.State switch
    {
        GenerationState.Delivered => "✅",
        GenerationState.Failed => "❌",
        _ => "⏳",
    };

    private static string Shorten(string prompt)
    {
        var flat = prompt.ReplaceLineEndings(" ").Replace('`', '\'');
        return flat.Length <= 80 ? flat : flat[..79] + "…";
    }
}
