using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SeedreamBot.Core.Guilds;

/// <summary>
/// Finds banned terms in a prompt: case-insensitive, whole words only (a term inside a longer word does not count),
/// any run of whitespace between the words of a multi-word term. Prompt and terms are compared in Unicode
/// compatibility form with invisible format characters removed, so full-width letters or zero-width spaces do not
/// slip a term through. Underscores separate words, as they do to a reader.
/// </summary>
public sealed class PromptBanList
{
    public const int MaxTerms = 500;

    public const int MaxTermLength = 100;

    private const string WordCharacter = @"[\p{L}\p{M}\p{N}]";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex? _pattern;

    public PromptBanList(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = terms.Select(Normalize).Where(IsValid).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (Terms.Count == 0)
        {
            return;
        }

        // Longest first, so that "red dress" wins over "red" when both are banned.
        var alternatives = Terms
            .OrderByDescending(term => term.Length)
            .Select(term => string.Join(@"\s+", FoldTerm(term).Split(' ').Select(Regex.Escape)));
        _pattern = new Regex(
            $"(?<!{WordCharacter})(?:{string.Join('|', alternatives)})(?!{WordCharacter})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
    }

    /// <summary>The terms, as normalized for storage.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The first banned term the prompt contains (as it appears in the list), or null.</summary>
    public string? FindBannedTerm(string? prompt)
    {
        if (_pattern is null || string.IsNullOrWhiteSpace(prompt))
        {
            return null;
        }

        Match match;
        try
        {
            match = _pattern.Match(Fold(prompt));
        }
        catch (RegexMatchTimeoutException)
        {
            // A prompt this pathological is refused rather than waved through.
            return Terms[0];
        }

        if (!match.Success)
        {
            return null;
        }

        var found = Regex.Replace(match.Value, @"\s+", " ");
        return Terms.FirstOrDefault(term => string.Equals(FoldTerm(term), found, StringComparison.OrdinalIgnoreCase))
            ?? found;
    }

    /// <summary>Trims a term and collapses its inner whitespace; the form terms are stored and compared in.</summary>
    public static string Normalize(string? term) =>
        term is null ? string.Empty : Regex.Replace(term.Trim(), @"\s+", " ");

    /// <summary>Why a term cannot be banned, or null when it can.</summary>
    public static string? Problem(string? term)
    {
        var normalized = Normalize(term);
        if (normalized.Length == 0)
        {
            return "The term is empty.";
        }

        if (normalized.Length > MaxTermLength)
        {
            return $"The term is too long ({normalized.Length} characters; at most {MaxTermLength}).";
        }

        return Fold(normalized).Any(char.IsLetterOrDigit)
            ? null
            : "The term needs at least one letter or digit.";
    }

    private static bool IsValid(string term) => Problem(term) is null;

    private static string FoldTerm(string term) => Regex.Replace(Fold(term).Trim(), @"\s+", " ");

    /// <summary>Compatibility form without format characters, underscores as spaces.</summary>
    private static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c == '_' ? ' ' : c);
        }

        return builder.ToString();
    }
}
