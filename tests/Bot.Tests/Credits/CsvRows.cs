using System.Text;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>An independent RFC 4180 reader (quoted fields, doubled quotes, CRLF rows) for checking exports.</summary>
internal static class CsvRows
{
    public static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                    break;
                case '"' or '\r' or '\n':
                    throw new FormatException($"Unexpected {(int)c} at {i} outside a quoted field.");
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted || field.Length > 0 || row.Count > 0)
        {
            throw new FormatException("The CSV does not end with CRLF after its last row.");
        }

        return rows;
    }
}
