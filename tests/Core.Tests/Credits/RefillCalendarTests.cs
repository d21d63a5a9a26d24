using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class RefillCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly TimeZoneInfo Santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    private static readonly TimeZoneInfo Apia = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Apia");

    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Theory]
    [InlineData("2025-03-12T10:00:00Z", RefillPeriod.Daily, "2025-03-12T00:00:00Z", "2025-03-13T00:00:00Z")]
    [InlineData("2025-03-12T00:00:00Z", RefillPeriod.Daily, "2025-03-12T00:00:00Z", "2025-03-13T00:00:00Z")]
    [InlineData("2025-03-12T23:59:59Z", RefillPeriod.Daily, "2025-03-12T00:00:00Z", "2025-03-13T00:00:00Z")]
    [InlineData("2025-03-12T10:00:00Z", RefillPeriod.Weekly, "2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z")]
    [InlineData("2025-03-16T23:00:00Z", RefillPeriod.Weekly, "2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z")]
    [InlineData("2025-03-17T00:00:00Z", RefillPeriod.Weekly, "2025-03-17T00:00:00Z", "2025-03-24T00:00:00Z")]
    [InlineData("2025-03-12T10:00:00Z", RefillPeriod.Monthly, "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z")]
    [InlineData("2024-12-31T23:00:00Z", RefillPeriod.Monthly, "2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("2024-02-29T12:00:00Z", RefillPeriod.Monthly, "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    public void Boundaries_in_utc_are_midnight_weeks_start_monday_months_on_the_first(
        string now, RefillPeriod period, string start, string next)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), RefillCalendar.PeriodStart(period, TimeZoneInfo.Utc, at));
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), RefillCalendar.NextBoundary(period, TimeZoneInfo.Utc, at));
    }

    [Fact]
    public void Never_has_no_boundaries()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(DateTimeOffset.MinValue, RefillCalendar.PeriodStart(RefillPeriod.Never, TimeZoneInfo.Utc, now));
        Assert.Null(RefillCalendar.NextBoundary(RefillPeriod.Never, TimeZoneInfo.Utc, now));
    }

    [Fact]
    public void A_zone_moves_midnight_to_its_local_midnight()
    {
        // Berlin is UTC+1 in winter: local midnight is 23:00 UTC the day before.
        var now = new DateTimeOffset(2025, 1, 15, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.Zero), RefillCalendar.PeriodStart(RefillPeriod.Daily, Berlin, now));
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 23, 0, 0, TimeSpan.Zero), RefillCalendar.NextBoundary(RefillPeriod.Daily, Berlin, now));
        // 22:30 UTC is already 04:00 on the 16th in Kolkata (UTC+5:30): its next midnight is 18:30 UTC on the 16th.
        Assert.Equal(new DateTimeOffset(2025, 1, 16, 18, 30, 0, TimeSpan.Zero), RefillCalendar.NextBoundary(RefillPeriod.Daily, Kolkata, now));
    }

    [Fact]
    public void Days_around_daylight_saving_changes_are_23_and_25_hours_long()
    {
        // Berlin springs forward on 2025-03-30 (02:00 -> 03:00) and falls back on 2025-10-26 (03:00 -> 02:00).
        var spring = RefillCalendar.StartOfLocalDay(new DateOnly(2025, 3, 30), Berlin);
        var afterSpring = RefillCalendar.StartOfLocalDay(new DateOnly(2025, 3, 31), Berlin);
        var autumn = RefillCalendar.StartOfLocalDay(new DateOnly(2025, 10, 26), Berlin);
        var afterAutumn = RefillCalendar.StartOfLocalDay(new DateOnly(2025, 10, 27), Berlin);

        Assert.Equal(new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero), spring);
        Assert.Equal(TimeSpan.FromHours(23), afterSpring - spring);
        Assert.Equal(new DateTimeOffset(2025, 10, 25, 22, 0, 0, TimeSpan.Zero), autumn);
        Assert.Equal(TimeSpan.FromHours(25), afterAutumn - autumn);
    }

    [Fact]
    public void When_the_clock_skips_midnight_the_day_starts_at_the_jump()
    {
        // Chile springs forward at local midnight: 2024-09-08 00:00 (-04) does not exist; 04:00 UTC is 01:00 (-03).
        var start = RefillCalendar.StartOfLocalDay(new DateOnly(2024, 9, 8), Santiago);

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 4, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(start, RefillCalendar.PeriodStart(RefillPeriod.Daily, Santiago, new DateTimeOffset(2024, 9, 8, 4, 30, 0, TimeSpan.Zero)));
        Assert.Equal(start, RefillCalendar.NextBoundary(RefillPeriod.Daily, Santiago, new DateTimeOffset(2024, 9, 8, 3, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void When_midnight_happens_twice_the_day_starts_at_the_first()
    {
        // Chile falls back at local midnight: 2024-04-07 00:00 (-03) becomes 2024-04-06 23:00 (-04), so the last hour
        // of the 6th repeats and the 7th starts once, at 04:00 UTC.
        var start = RefillCalendar.StartOfLocalDay(new DateOnly(2024, 4, 7), Santiago);
        var previous = RefillCalendar.StartOfLocalDay(new DateOnly(2024, 4, 6), Santiago);

        Assert.Equal(new DateTimeOffset(2024, 4, 7, 4, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.FromHours(25), start - previous);
        Assert.Equal(previous, RefillCalendar.PeriodStart(RefillPeriod.Daily, Santiago, new DateTimeOffset(2024, 4, 7, 3, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_day_a_zone_skipped_entirely_has_no_length()
    {
        // Samoa skipped 2011-12-30: after 2011-12-29 23:59:59 (-10) came 2011-12-31 00:00 (+14), at 10:00 UTC.
        var skipped = RefillCalendar.StartOfLocalDay(new DateOnly(2011, 12, 30), Apia);
        var next = RefillCalendar.StartOfLocalDay(new DateOnly(2011, 12, 31), Apia);
        var lateOn29th = new DateTimeOffset(2011, 12, 30, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2011, 12, 30, 10, 0, 0, TimeSpan.Zero), skipped);
        Assert.Equal(skipped, next);
        Assert.Equal(next, RefillCalendar.NextBoundary(RefillPeriod.Daily, Apia, lateOn29th));
    }

    [Fact]
    public void Boundaries_always_increase_through_a_year_of_days_in_tricky_zones()
    {
        foreach (var zone in new[] { Berlin, Santiago, Apia, Kolkata, TimeZoneInfo.FindSystemTimeZoneById("America/Havana") })
        {
            var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var previous = RefillCalendar.PeriodStart(RefillPeriod.Daily, zone, now);
            for (var step = 0; step < 365 * 24 * 2; step++)
            {
                now = now.AddMinutes(30);
                var start = RefillCalendar.PeriodStart(RefillPeriod.Daily, zone, now);
                var next = RefillCalendar.NextBoundary(RefillPeriod.Daily, zone, now)!.Value;
                Assert.True(start <= now && now < next, $"{zone.Id} at {now:O}: {start:O} .. {next:O}");
                Assert.True(start >= previous, $"{zone.Id} went back at {now:O}");
                previous = start;
            }
        }
    }
}
