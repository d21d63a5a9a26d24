using System.Globalization;

namespace SeedreamBot.Bench.LoadDriver.Child;

/// <summary>
/// A histogram read from the bot's <c>/metrics</c> (Prometheus text): cumulative counts per upper bound, summed over
/// label sets. Two scrapes give the observations in between (<see cref="Minus"/>); percentiles are bucket bounds.
/// </summary>
internal sealed class PrometheusHistogram
{
    private PrometheusHistogram(SortedDictionary<double, long> cumulative) => Cumulative = cumulative;

    /// <summary>Upper bound (seconds, +∞ last) → observations at or below it.</summary>
    public SortedDictionary<double, long> Cumulative { get; }

    public long Count => Cumulative.Count == 0 ? 0 : Cumulative.Values.Max();

    /// <summary>
    /// Reads every <c>&lt;name&gt;_bucket{…le="…"} n</c> line of <paramref name="text"/>; with <paramref name="label"/>
    /// (such as <c>source="webhook"</c>) only the lines of the label sets that carry it.
    /// </summary>
    public static PrometheusHistogram Parse(string text, string name, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buckets = new SortedDictionary<double, long>();
        var prefix = name + "_bucket{";
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal)
                || (label is not null && !line.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            var le = line.IndexOf("le=\"", StringComparison.Ordinal);
            var close = le < 0 ? -1 : line.IndexOf('"', le + 4);
            var space = line.LastIndexOf('}');
            if (close < 0 || space < 0)
            {
                continue;
            }

            var boundText = line[(le + 4)..close];
            var bound = boundText == "+Inf" ? double.PositiveInfinity : double.Parse(boundText, NumberStyles.Float, CultureInfo.InvariantCulture);
            var valueText = line[(space + 1)..].Trim().Split(' ')[0];
            var value = (long)double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + value;
        }

        return new PrometheusHistogram(buckets);
    }

    /// <summary>The observations made after <paramref name="earlier"/> was scraped.</summary>
    public PrometheusHistogram Minus(PrometheusHistogram earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var difference = new SortedDictionary<double, long>();
        foreach (var (bound, count) in Cumulative)
        {
            difference[bound] = count - earlier.Cumulative.GetValueOrDefault(bound);
        }

        return new PrometheusHistogram(difference);
    }

    /// <summary>The smallest bucket bound with at least <paramref name="percent"/> % of the observations at or below it; null when empty.</summary>
    public double? Percentile(double percent)
    {
        var total = Count;
        if (total == 0)
        {
            return null;
        }

        var needed = (long)Math.Ceiling(percent / 100.0 * total);
        return Cumulative.First(pair => pair.Value >= needed).Key;
    }
}
