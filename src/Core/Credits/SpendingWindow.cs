namespace SeedreamBot.Core.Credits;

/// <summary>The span <c>/quota top</c> ranks spending over; boundaries as for refills (configured time zone).</summary>
public enum SpendingWindow
{
    Today,
    ThisWeek,
    ThisMonth,
    AllTime,
}
