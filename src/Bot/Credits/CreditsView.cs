using System.Globalization;
using System.Text;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>What <c>/credits</c> shows: a pure function of the balance, so it is easy to test.</summary>
public static class CreditsView
{
    /// <param name="balance">The member's balance.</param>
    /// <param name="whose">Null for "your credits", else the display name of the member a moderator looked up.</param>
    /// <param name="costs">Cost per output size, for "enough for N images".</param>
    /// <param name="now">The current time, for "refills in …".</param>
    /// <param name="culture">The reader's language.</param>
    public static Embed Render(CreditBalance balance, string? whose, IReadOnlyDictionary<ImageSize, int> costs, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(costs);
        var cheapest = costs.Count == 0 ? 0 : costs.Values.Min();
        var description = new StringBuilder();
        if (balance.Blocked)
        {
            description.Append("⛔ ").Append(string.IsNullOrWhiteSpace(balance.BlockReason)
                ? BotText.Get(culture, whose is null ? "CreditsBlockedYou" : "CreditsBlockedThem")
                : BotText.Format(culture, whose is null ? "CreditsBlockedYouReason" : "CreditsBlockedThemReason", CreditText.Quote(balance.BlockReason, 300)))
                .Append("\n\n");
        }

        description.Append(BotText.Format(culture, whose is null ? "CreditsAvailableYou" : "CreditsAvailableThem", CreditText.Credits(balance.Available, culture)));
        if (cheapest > 0)
        {
            description.Append(' ').Append(BotText.Format(culture, "CreditsEnoughFor", CreditText.Images(balance.Available / cheapest, culture)));
        }

        if (balance.Scope.IsDirectMessage && balance.Allowance == 0 && balance.Bonus == 0)
        {
            description.Append("\n\n").Append(BotText.Get(culture, "RefusedDirectMessages"));
        }

        var builder = new EmbedBuilder()
            .WithColor(balance.Blocked ? CreditText.Bad : balance.Available >= cheapest && cheapest > 0 ? CreditText.Good : CreditText.Warning)
            .WithTitle(whose is null ? BotText.Get(culture, "CreditsTitleYou") : BotText.Format(culture, "CreditsTitleThem", CreditText.Quote(whose, 200)))
            .WithDescription(description.ToString())
            .AddField(BotText.Get(culture, "CreditsAllowanceLeft"), BotText.Format(culture, "CreditsOutOf",
                CreditText.Number(balance.AllowanceRemaining, culture), CreditText.Credits(balance.Allowance, culture)), inline: true)
            .AddField(BotText.Get(culture, "CreditsBonus"), CreditText.Credits(balance.Bonus, culture), inline: true)
            .AddField(BotText.Get(culture, "CreditsHeld"), balance.Held == 0
                ? BotText.Get(culture, "CreditsNothingHeld")
                : CreditText.Credits(balance.Held, culture), inline: true)
            .AddField(BotText.Get(culture, "CreditsRefill"), Refill(balance, now, culture), inline: true)
            .AddField(BotText.Get(culture, "CreditsSpent"), CreditText.Credits(balance.SpentThisPeriod, culture), inline: true)
            .AddField(BotText.Get(culture, "CreditsImagesMade"), CreditText.Images(balance.ImagesMade, culture), inline: true)
            .AddField(BotText.Get(culture, "CreditsAllowanceFrom"),
                CreditText.Capitalize(CreditText.AllowanceSource(balance.AllowanceSource, balance.AllowanceRoleId, culture), culture), inline: true)
            .WithFooter(Costs(costs, culture));
        return builder.Build();
    }

    /// <summary>"Refills in 5 hours, 3 minutes" plus the exact time in the reader's zone; or why it never does.</summary>
    public static string Refill(CreditBalance balance, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(balance);
        if (balance.NextRefill is not { } next || balance.Period == RefillPeriod.Never)
        {
            return BotText.Get(culture, "CreditsNeverRefills");
        }

        var wait = next - now;
        return BotText.Format(culture, "CreditsRefillsIn", CreditText.Span(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, culture))
            + "\n" + CreditText.Timestamp(next) + " · " + CreditText.Period(balance.Period, culture);
    }

    private static string Costs(IReadOnlyDictionary<ImageSize, int> costs, CultureInfo culture)
    {
        var distinct = costs.Values.Distinct().Count();
        if (distinct <= 1)
        {
            return BotText.Format(culture, "CreditsCostOne", CreditText.Credits(costs.Values.FirstOrDefault(), culture));
        }

        var parts = costs.OrderBy(pair => pair.Key).Select(pair => pair.Key.ToWire() + " " + CreditText.Credits(pair.Value, culture));
        return BotText.Format(culture, "CreditsCostPerSize", string.Join(" · ", parts));
    }
}
