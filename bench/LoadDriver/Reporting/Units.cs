using System.Globalization;

namespace SeedreamBot.Bench.LoadDriver.Reporting;

/// <summary>Numbers as the tables show them (invariant culture, decimal megabytes).</summary>
internal static class Units
{
    public static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A histogram bucket bound: "≤ 25 ms", or "> 5 s" past the last bucket.</summary>
    public static string AtMost(double seconds) =>
        double.IsPositiveInfinity(seconds) ? "> last bucket" : "≤ " + Ms(TimeSpan.FromSeconds(seconds)).Replace(".0 ms", " ms", StringComparison.Ordinal).Replace(".00 ms", " ms", StringComparison.Ordinal);

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0#", CultureInfo.InvariantCulture) + " s";

    public static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString(share < 0.001 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + " %";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
