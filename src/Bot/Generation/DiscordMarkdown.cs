using System.Text;

namespace SeedreamBot.Bot.Generation;

/// <summary>Shows user text literally inside Discord markdown.</summary>
public static class DiscordMarkdown
{
    /// <summary>
    /// Backslash-escapes every character Discord's markdown gives a meaning (emphasis, code, spoilers, links and
    /// masked links, mentions and timestamps, quotes, headings and lists), so the text reads exactly as typed.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            if (character is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '-' or '@' or ':')
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }
}
