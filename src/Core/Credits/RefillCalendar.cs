namespace SeedreamBot.Core.Credits;

/// <summary>
/// Period boundaries: local midnight in a time zone; weeks start on Monday, months on the 1st. Around daylight-saving
/// changes a boundary is the first instant whose local time is at or after midnight: when the clock skips midnight,
/// the day starts at the jump; when midnight happens twice, at the first one.
/// </summary>
public static class RefillCalendar
{
    /// <summary>Where the period that contains <paramref name="now"/> started; <see cref="DateTimeOffset.MinValue"/> for <see cref="RefillPeriod.Never"/>.</summary>
    public static DateTimeOffset PeriodStart(RefillPeriod period, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return period == RefillPeriod.Never
            ? DateTimeOffset.MinValue
            : StartOfLocalDay(StartDate(period, LocalDate(zone, now)), zone);
    }

    /// <summary>The boundary after <paramref name="now"/>; null for <see cref="RefillPeriod.Never"/>.</summary>
    public static DateTimeOffset? NextBoundary(RefillPeriod period, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (period == RefillPeriod.Never)
        {
            return null;
        }

        var start = StartDate(period, LocalDate(zone, now));
        var next = period switch
        {
            RefillPeriod.Daily => start.AddDays(1),
            RefillPeriod.Weekly => start.AddDays(7),
            _ => start.AddMonths(1),
        };
        var boundary = StartOfLocalDay(next, zone);

        // A zone that skipped a whole day (Pacific/Apia, 2011-12-30) gives that day no length; go one further.
        return boundary > now ? boundary : NextBoundary(period, zone, boundary);
    }

    /// <summary>The first instant of a local calendar day in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset StartOfLocalDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(midnight))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(midnight).Max();
            return Utc(midnight - earliest);
        }

        if (!zone.IsInvalidTime(midnight))
        {
            return Utc(midnight - zone.GetUtcOffset(midnight));
        }

        // The clock jumped over midnight. Search for the first UTC instant whose local time is at or past midnight
        // (the jump itself) between 15 hours before and 13 hours after midnight read as UTC: offsets range from -12
        // to +14 hours, so the local time is before midnight at the one end and past it at the other. (The zone's
        // own offsets around such a jump are not trusted: .NET misreports some, e.g. Samoa's skipped day.)
        var low = (midnight.Ticks / TimeSpan.TicksPerSecond) - (15 * 3600);
        var high = (midnight.Ticks / TimeSpan.TicksPerSecond) + (13 * 3600);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(middle * TimeSpan.TicksPerSecond, DateTimeKind.Utc), zone);
            if (local >= midnight)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return Utc(new DateTime(high * TimeSpan.TicksPerSecond));
    }

    /// <summary>The local calendar date of <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static DateOnly StartDate(RefillPeriod period, DateOnly local) => period switch
    {
        RefillPeriod.Daily => local,
        RefillPeriod.Weekly => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        RefillPeriod.Monthly => new DateOnly(local.Year, local.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Never has no start date."),
    };

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);
}
