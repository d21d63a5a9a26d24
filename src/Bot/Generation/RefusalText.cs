using System.Globalization;
using Humanizer;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Generation;

/// <summary>Explains a refused start; every refusal costs nothing, and the text says what to do next.</summary>
public static class RefusalText
{
    public static string Explain(StartRefusal refusal, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var text = refusal.Kind switch
        {
            StartRefusalKind.ShuttingDown => BotText.Get(culture, "Restarting"),
            StartRefusalKind.BannedPrompt => BotText.Format(culture, "RefusedBanned", refusal.BannedTerm),
            StartRefusalKind.QueueFull => BotText.Format(culture, "RefusedQueueFull", BotText.Quantity(culture, "Image", refusal.Limit ?? 0)),
            StartRefusalKind.Blocked when !string.IsNullOrWhiteSpace(refusal.Reason) =>
                BotText.Format(culture, "RefusedBlockedReason", refusal.Reason),
            StartRefusalKind.Blocked => BotText.Get(culture, "RefusedBlocked"),
            StartRefusalKind.DirectMessagesDisabled => BotText.Get(culture, "RefusedDirectMessages"),
            StartRefusalKind.BudgetExhausted => BotText.Get(culture, "RefusedBudget"),
            StartRefusalKind.InsufficientCredits => Insufficient(refusal, now, culture),
            StartRefusalKind.ServerBudgetExhausted => ServerBudget(refusal, now, culture),
            _ => BotText.Get(culture, "SomethingWentWrong"),
        };
        return text + " " + BotText.Get(culture, "NotCharged");
    }

    /// <summary>The server's pool (or the direct-message pool) is used up: when it refills, since no grant helps.</summary>
    private static string ServerBudget(StartRefusal refusal, DateTimeOffset now, CultureInfo culture)
    {
        if (refusal.Pool is not { } pool || pool.Budget == 0)
        {
            return BotText.Get(culture, "RefusedServerBudgetZero");
        }

        var dm = pool.IsDirectMessages ? "DirectMessage" : "Server";
        if (pool.NextRefill is not { } refill)
        {
            return BotText.Get(culture, "Refused" + dm + "BudgetNever");
        }

        var window = pool.Period switch
        {
            Core.Credits.RefillPeriod.Daily => "WindowToday",
            Core.Credits.RefillPeriod.Weekly => "WindowThisWeek",
            _ => "WindowThisMonth",
        };
        return BotText.Format(culture, "Refused" + dm + "Budget", BotText.Get(culture, window),
            refill.Humanize(dateToCompareAgainst: now, culture: culture));
    }

    private static string Insufficient(StartRefusal refusal, DateTimeOffset now, CultureInfo culture)
    {
        var balance = refusal.Balance;
        var text = BotText.Format(
            culture,
            "RefusedCredits",
            GenerationMessages.Credits(refusal.Cost, culture),
            GenerationMessages.Credits(balance?.Available ?? 0, culture));
        if (balance?.Held > 0)
        {
            text += " " + BotText.Format(culture, "RefusedCreditsHeld", GenerationMessages.Credits(balance.Held, culture));
        }

        if (balance?.NextRefill is { } refill && balance.Allowance > 0)
        {
            text += " " + BotText.Format(
                culture,
                "RefillsAt",
                GenerationMessages.Credits(balance.Allowance, culture),
                refill.Humanize(dateToCompareAgainst: now, culture: culture));
        }
        else
        {
            text += " " + BotText.Get(culture, "AskModerator");
        }

        return text;
    }
}
