namespace SeedreamBot.Bot.Generation;

/// <summary>A ten-segment text bar, e.g. <c>▰▰▰▱▱▱▱▱▱▱ 30%</c>.</summary>
public static class ProgressBar
{
    private const int Segments = 10;

    public static string Render(int percent)
    {
        var clamped = Math.Clamp(percent, 0, 100);
        var filled = (int)Math.Round(clamped / 100.0 * Segments, MidpointRounding.AwayFromZero);
        return string.Concat(new string('▰', filled), new string('▱', Segments - filled), " ", clamped.ToString(System.Globalization.CultureInfo.InvariantCulture), "%");
    }
}
