using System.Globalization;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// Why a moderator command changed nothing, in the moderator's language. Core's English message is the fallback for
/// the rare refusals whose details only Core knows.
/// </summary>
public static class QuotaRefusals
{
    /// <param name="refusal">Core's refusal.</param>
    /// <param name="coreMessage">Core's own sentence.</param>
    /// <param name="balance">The member's (unchanged) balance, for "they only have …".</param>
    /// <param name="member">The member's mention.</param>
    /// <param name="maxAdjustment">Credits:MaxAdjustment.</param>
    /// <param name="culture">The moderator's language.</param>
    public static string Explain(
        ModerationRefusal refusal, string coreMessage, CreditBalance? balance, string member, int maxAdjustment, CultureInfo culture)
    {
        var text = refusal switch
        {
            ModerationRefusal.NotInGuild => BotText.Get(culture, "QuotaGuildOnly"),
            ModerationRefusal.AmountNotPositive => BotText.Get(culture, "QuotaAmountNotPositive"),
            ModerationRefusal.AmountNegative => BotText.Get(culture, "QuotaAmountNegative"),
            ModerationRefusal.AmountTooLarge => BotText.Format(culture, "QuotaAmountTooLarge", CreditText.Credits(maxAdjustment, culture)),
            ModerationRefusal.InsufficientBalance when balance is { Available: > 0 } => BotText.Format(
                culture,
                "QuotaTakeTooMuch",
                member,
                CreditText.Credits(balance.Available, culture),
                CreditText.Number(balance.AllowanceRemaining, culture),
                CreditText.Number(balance.Bonus, culture)),
            ModerationRefusal.InsufficientBalance => BotText.Format(culture, "QuotaNothingToTake", member),
            ModerationRefusal.ReasonTooLong => BotText.Format(culture, "QuotaReasonTooLong", CreditsCommands.MaxReasonLength),
            ModerationRefusal.AlreadyBlocked => BotText.Format(culture, "QuotaAlreadyBlocked", member),
            ModerationRefusal.NotBlocked => BotText.Format(culture, "QuotaNotBlocked", member),
            _ => coreMessage,
        };
        return "❌ " + text + " " + BotText.Get(culture, "QuotaNothingChanged");
    }
}
