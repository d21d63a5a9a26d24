using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota allowance amount [period] [role|user]</c> and <c>/quota allowance-clear [role|user]</c>: the server
/// default (neither given), a role's allowance, or one member's own. The @everyone role means the server default,
/// because Discord never lists @everyone among a member's roles.
/// </summary>
public sealed class QuotaAllowanceCommands
{
    private readonly ICreditModeration _moderation;
    private readonly ModeratorActionLog _log;
    private readonly IOptionsMonitor<CreditOptions> _options;
    private readonly TimeProvider _time;

    public QuotaAllowanceCommands(ICreditModeration moderation, ModeratorActionLog log, IOptionsMonitor<CreditOptions> options, TimeProvider time)
    {
        _moderation = moderation;
        _log = log;
        _options = options;
        _time = time;
    }

    public async Task HandleAsync(InteractionContext context, bool clear)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var interaction = context.Interaction;
        if (!TryReadTarget(context, out var target, out var member, out var problem))
        {
            await QuotaReplies.RefuseAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        RefillPeriod? period = null;
        if (interaction.GetString(CreditsCommands.Period) is { } periodValue)
        {
            if (!CreditsCommands.PeriodChoices.TryGetValue(periodValue, out var chosen))
            {
                await QuotaReplies.RefuseAsync(context, BotText.Get(culture, "QuotaUnknownPeriod")).ConfigureAwait(false);
                return;
            }

            period = chosen;
        }

        var amount = QuotaInput.Amount(interaction);
        if (!clear && amount is null)
        {
            await QuotaReplies.RefuseAsync(context, BotText.Get(culture, "QuotaAmountMissing")).ConfigureAwait(false);
            return;
        }

        var actor = context.UserId;
        var result = clear
            ? _moderation.ClearAllowance(context.GuildId, actor, target)
            : _moderation.SetAllowance(context.GuildId, actor, amount!.Value, period, target);
        if (!result.Succeeded)
        {
            await QuotaReplies.RefuseAsync(context, QuotaRefusals.Explain(
                result.Refusal, result.Message, result.Before, member?.Mention ?? "", _options.CurrentValue.MaxAdjustment, culture)).ConfigureAwait(false);
            return;
        }

        var notice = new ModeratorNotice(clear ? ModeratorAction.AllowanceClear : ModeratorAction.Allowance, actor, _time.GetUtcNow())
        {
            MemberId = target.Kind == AllowanceTargetKind.User ? target.Id : null,
            RoleId = target.Kind == AllowanceTargetKind.Role ? target.Id : null,
            Amount = clear ? null : amount,
            ShowsAllowance = true,
            AllowanceBefore = result.PreviousAllowance,
            AllowanceAfter = result.Allowance,
            PeriodBefore = result.PreviousPeriod,
            PeriodAfter = result.Period,
            BalanceBefore = result.Before?.Available,
            BalanceAfter = result.After?.Available,
        };
        var note = target.Kind == AllowanceTargetKind.User ? null : BotText.Get(culture, "QuotaAllowanceNextUse");
        var post = await _log.PostAsync(context.GuildId, notice, BotCultures.For(interaction.GuildLocale), context.CancellationToken)
            .ConfigureAwait(false);
        await QuotaReplies.ConfirmAsync(context, notice, post, note).ConfigureAwait(false);
    }

    private static bool TryReadTarget(InteractionContext context, out AllowanceTarget target, out NamedMember? member, out string? problem)
    {
        var culture = context.Culture;
        var interaction = context.Interaction;
        var roleGiven = interaction.GetOption(CreditsCommands.Role) is not null;
        var userGiven = NamedMember.IsGiven(interaction, CreditsCommands.User);
        target = AllowanceTarget.Guild;
        member = null;
        problem = null;
        if (roleGiven && userGiven)
        {
            problem = BotText.Get(culture, "QuotaRoleOrUser");
            return false;
        }

        if (roleGiven)
        {
            if (interaction.GetRole(CreditsCommands.Role) is not { } role)
            {
                problem = BotText.Get(culture, "QuotaUnknownRole");
                return false;
            }

            target = role.Id == context.GuildId ? AllowanceTarget.Guild : AllowanceTarget.Role(role.Id);
            return true;
        }

        if (userGiven)
        {
            member = NamedMember.From(interaction, CreditsCommands.User);
            problem = QuotaInput.TargetProblem(member, requireMember: true, culture);
            if (problem is not null)
            {
                return false;
            }

            target = AllowanceTarget.User(member!.Id, member.RoleIds);
        }

        return true;
    }
}
