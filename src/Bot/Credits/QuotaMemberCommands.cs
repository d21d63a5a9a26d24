using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota grant|take|set|reset|block|unblock</c>: one member's credits. Bad input is refused before or by Core and
/// changes nothing; a change is posted to the log channel and confirmed to the moderator.
/// </summary>
public sealed class QuotaMemberCommands
{
    private readonly ICreditModeration _moderation;
    private readonly ModeratorActionLog _log;
    private readonly IOptionsMonitor<CreditOptions> _options;
    private readonly TimeProvider _time;

    public QuotaMemberCommands(ICreditModeration moderation, ModeratorActionLog log, IOptionsMonitor<CreditOptions> options, TimeProvider time)
    {
        _moderation = moderation;
        _log = log;
        _options = options;
        _time = time;
    }

    public static IReadOnlyCollection<string> Subcommands { get; } =
    [
        CreditsCommands.Grant, CreditsCommands.Take, CreditsCommands.Set, CreditsCommands.Reset,
        CreditsCommands.Block, CreditsCommands.Unblock,
    ];

    public async Task HandleAsync(InteractionContext context, string subcommand)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var interaction = context.Interaction;
        var target = NamedMember.From(interaction, CreditsCommands.User);

        // Blocking someone who left is allowed (they may come back); changing credits of a non-member is a mistake.
        var blockOnly = subcommand is CreditsCommands.Block or CreditsCommands.Unblock;
        if (QuotaInput.TargetProblem(target, requireMember: !blockOnly, culture) is { } problem)
        {
            await QuotaReplies.RefuseAsync(context, problem).ConfigureAwait(false);
            return;
        }

        var changesAmount = subcommand is CreditsCommands.Grant or CreditsCommands.Take or CreditsCommands.Set;
        var amount = QuotaInput.Amount(interaction);
        if (changesAmount && amount is null)
        {
            await QuotaReplies.RefuseAsync(context, BotText.Get(culture, "QuotaAmountMissing")).ConfigureAwait(false);
            return;
        }

        var reason = QuotaInput.Reason(interaction);
        var member = target!.InGuild(context.GuildId);
        var actor = context.UserId;
        var (action, result) = subcommand switch
        {
            CreditsCommands.Grant => (ModeratorAction.Grant, _moderation.Grant(actor, member, amount!.Value, reason)),
            CreditsCommands.Take => (ModeratorAction.Take, _moderation.Take(actor, member, amount!.Value, reason)),
            CreditsCommands.Set => (ModeratorAction.Set, _moderation.Set(actor, member, amount!.Value, reason)),
            CreditsCommands.Reset => (ModeratorAction.Reset, _moderation.Reset(actor, member, reason)),
            CreditsCommands.Block => (ModeratorAction.Block, _moderation.Block(actor, member, reason)),
            CreditsCommands.Unblock => (ModeratorAction.Unblock, _moderation.Unblock(actor, member, reason)),
            _ => throw new ArgumentOutOfRangeException(nameof(subcommand), subcommand, "Not a member subcommand."),
        };

        if (!result.Succeeded)
        {
            await QuotaReplies.RefuseAsync(context, QuotaRefusals.Explain(
                result.Refusal, result.Message, result.Before, target.Mention, _options.CurrentValue.MaxAdjustment, culture)).ConfigureAwait(false);
            return;
        }

        var notice = new ModeratorNotice(action, actor, _time.GetUtcNow())
        {
            MemberId = target.Id,
            Amount = changesAmount ? amount : null,
            BalanceBefore = blockOnly ? null : result.Before.Available,
            BalanceAfter = blockOnly ? null : result.After.Available,
            Reason = reason,
        };
        var post = await _log.PostAsync(context.GuildId, notice, BotCultures.For(interaction.GuildLocale), context.CancellationToken)
            .ConfigureAwait(false);
        await QuotaReplies.ConfirmAsync(context, notice, post).ConfigureAwait(false);
    }
}
