using System.Globalization;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>The /credits embed as a pure function of a balance.</summary>
public sealed class CreditsViewTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 18, 57, 0, TimeSpan.Zero);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly Dictionary<ImageSize, int> SameCost = new() { [ImageSize.TwoK] = 4, [ImageSize.ThreeK] = 4 };

    [Fact]
    public void Refill_time_is_in_words_with_the_exact_time_as_a_discord_timestamp()
    {
        var next = new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            $"Refills in 5 hours, 3 minutes\n<t:{next.ToUnixTimeSeconds()}:f> · every day",
            CreditsView.Refill(Balance() with { NextRefill = next }, Now, English));
    }

    [Fact]
    public void A_refill_under_a_minute_away_says_seconds_not_zero_minutes()
    {
        var text = CreditsView.Refill(Balance() with { NextRefill = Now.AddSeconds(20) }, Now, English);
        Assert.StartsWith("Refills in 20 seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_never_period_says_to_ask_a_moderator()
    {
        var text = CreditsView.Refill(Balance() with { Period = RefillPeriod.Never, NextRefill = null }, Now, English);
        Assert.Equal("Never refills — ask a moderator for more.", text);
    }

    [Fact]
    public void Different_costs_per_size_are_listed_and_enough_for_uses_the_cheapest()
    {
        var embed = CreditsView.Render(Balance(), null, new Dictionary<ImageSize, int> { [ImageSize.TwoK] = 4, [ImageSize.ThreeK] = 6 }, Now, English);
        Assert.Equal("Cost per image: 2K 4 credits · 3K 6 credits", embed.Footer!.Text);
        Assert.Contains("That's enough for 5 images.", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moderator_looking_someone_up_reads_about_them_not_about_you()
    {
        var embed = CreditsView.Render(Balance() with { Blocked = true, BlockReason = "spam" }, "ada", SameCost, Now, English);
        Assert.Equal("💳 Credits of ada", embed.Title);
        Assert.StartsWith("⛔ Blocked: they can't make images until a moderator unblocks them (“spam”).", embed.Description, StringComparison.Ordinal);
        Assert.Contains("They can spend **20 credits**.", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_a_block_reason_cannot_break_the_layout()
    {
        var embed = CreditsView.Render(Balance() with { Blocked = true, BlockReason = "**loud** `code`\nnew line" }, null, SameCost, Now, English);
        Assert.Contains("“\\*\\*loud\\*\\* 'code' new line”", embed.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Recharge dans 5 heures, 3 minutes")]
    [InlineData("es", "Se recarga en 5 horas, 3 minutos")]
    [InlineData("de", "Wird in 5 Stunden, 3 Minuten aufgefüllt")]
    public void Refill_time_reads_naturally_in_other_languages(string language, string expected)
    {
        var next = new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero);
        Assert.StartsWith(expected, CreditsView.Refill(Balance() with { NextRefill = next }, Now, CultureInfo.GetCultureInfo(language)), StringComparison.Ordinal);
    }

    private static CreditBalance Balance() => new(
        new CreditScope(1, 2), AllowanceRemaining: 20, Allowance: 40, Bonus: 0, Held: 0, RefillPeriod.Daily,
        NextRefill: Now.AddHours(5), SpentThisPeriod: 20, ImagesMade: 5, Blocked: false, BlockReason: null);
}
