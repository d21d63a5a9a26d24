using System.Globalization;
using System.Text.RegularExpressions;

namespace SeedreamBot.Bot.Tests.Localization;

/// <summary>
/// The <see cref="string.Format(IFormatProvider, string, object[])"/> placeholders of a text (<c>{0}</c>,
/// <c>{1:N0}</c>, <c>{2,5}</c>), for comparing a translation with English, and arguments that fit them.
/// </summary>
internal static partial class Placeholders
{
    /// <summary>Each distinct placeholder as written (index, alignment and format), in ordinal order.</summary>
    public static IReadOnlyList<string> Of(string text) =>
        [.. Matches(text).Select(match => match.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// One argument per index up to the highest the text reads: a number where a placeholder asks for a numeric
    /// format (<c>N0</c>, <c>D</c>…), a date where it asks for another format, a string otherwise.
    /// </summary>
    public static object[] ArgumentsFor(string text)
    {
        var matches = Matches(text).ToList();
        var count = matches.Count == 0 ? 0 : matches.Max(match => int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)) + 1;
        var arguments = Enumerable.Range(0, count).Select(i => (object)("arg" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (var match in matches.Where(match => match.Groups["format"].Success))
        {
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            arguments[index] = NumericFormat().IsMatch(match.Groups["format"].Value) ? 1234 : new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        }

        return arguments;
    }

    // Escaped braces ({{ and }}) are literal text, not placeholders.
    private static IEnumerable<Match> Matches(string text) => Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal));

    [GeneratedRegex(@"\{(?<index>\d+)(?:,-?\d+)?(?::(?<format>[^}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[CcDdEeFfGgNnPpXxRr]\d*$|^[#0.,%‰]+$")]
    private static partial Regex NumericFormat();
}
