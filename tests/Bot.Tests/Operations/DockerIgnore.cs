using System.Text;
using System.Text.RegularExpressions;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// .dockerignore matching as Docker does it: paths relative to the context with '/', <c>*</c> within a name,
/// <c>**</c> across folders, a matching folder excludes everything in it, <c>!</c> re-includes, the last match wins.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = line.TrimStart('!').Trim().TrimStart('/').TrimEnd('/');
            _rules.Add((new Regex("^" + ToRegex(pattern) + "(/.*)?$", RegexOptions.CultureInvariant), exclude));
        }
    }

    public bool IsExcluded(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            if (pattern.IsMatch(path))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (pattern[i] == '*')
            {
                regex.Append("[^/]*");
            }
            else if (pattern[i] == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return regex.ToString();
    }
}
