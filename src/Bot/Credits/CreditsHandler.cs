using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Moderation;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/credits [user]</c>: the member's own balance, privately. Moderators may name another member (their roles come
/// from the interaction's resolved member, so role allowances show correctly); anyone else naming someone else gets
/// a friendly refusal.
/// </summary>
public sealed class CreditsHandler : IInteractionHandler
{
    private readonly ICreditLedger _ledger;
    private readonly ICreditPricing _pricing;
    private readonly ModeratorPolicy _moderators;
    private readonly TimeProvider _time;

    public CreditsHandler(ICreditLedger ledger, ICreditPricing pricing, ModeratorPolicy moderators, TimeProvider time)
    {
        _ledger = ledger;
        _pricing = pricing;
        _moderators = moderators;
        _time = time;
    }

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(CreditsCommands.Credits);

    public Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var interaction = context.Interaction;
        var named = NamedMember.From(interaction, CreditsCommands.User);
        if (named is null && NamedMember.IsGiven(interaction, CreditsCommands.User))
        {
            return context.ReplyPrivatelyAsync(BotText.Get(culture, "QuotaUnknownUser"));
        }

        CreditMember member;
        string? whose = null;
        if (named is null || named.Id == context.UserId)
        {
            member = context.CreditMember;
        }
        else if (!_moderators.IsModerator(interaction))
        {
            return context.ReplyPrivatelyAsync(BotText.Get(culture, "CreditsOnlyOwn"));
        }
        else if (named.IsBot)
        {
            return context.ReplyPrivatelyAsync(BotText.Format(culture, "QuotaBotTarget", named.Mention));
        }
        else if (!named.IsMember)
        {
            return context.ReplyPrivatelyAsync(BotText.Format(culture, "QuotaNotAMember", named.Mention));
        }
        else
        {
            member = named.InGuild(context.GuildId);
            whose = named.DisplayName;
        }

        var balance = _ledger.GetBalance(member);
        var costs = Enum.GetValues<ImageSize>().ToDictionary(size => size, _pricing.CostOf);
        var embed = CreditsView.Render(balance, whose, costs, _time.GetUtcNow(), culture);
        return context.ReplyPrivatelyAsync(null, [embed]);
    }
}
