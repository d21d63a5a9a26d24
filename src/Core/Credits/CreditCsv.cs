using System.Globalization;
using System.Text;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// Ledger entries as RFC 4180 CSV rows. Free-text cells (reasons, generation ids) that a spreadsheet would read as a
/// formula — starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return — get a leading <c>'</c>, so
/// a moderator's reason or an Apiframe error text can never run as a formula in whoever opens the export. Numbers are
/// written as numbers (a delta of -4 stays -4).
/// </summary>
public static class CreditCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "entry_id", "time_utc", "kind", "guild_id", "user_id", "actor_id", "delta", "balance_before", "balance_after",
        "amount", "generation_id", "reason",
    ];

    public static string Header { get; } = string.Join(',', Columns) + "\r\n";

    public static string Row(CreditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fields = new[]
        {
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            CreditEntryKindNames.NameOf(entry.Kind),
            entry.Scope.GuildId.ToString(CultureInfo.InvariantCulture),
            entry.Scope.UserId.ToString(CultureInfo.InvariantCulture),
            entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            entry.Delta.ToString(CultureInfo.InvariantCulture),
            entry.BalanceBefore.ToString(CultureInfo.InvariantCulture),
            entry.BalanceAfter.ToString(CultureInfo.InvariantCulture),
            entry.Amount.ToString(CultureInfo.InvariantCulture),
            Text(entry.GenerationId),
            Text(entry.Reason),
        };
        var builder = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            Append(builder, fields[i]);
        }

        return builder.Append("\r\n").ToString();
    }

    /// <summary>A free-text cell, defused when a spreadsheet would take it for a formula.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value
        : value;

    private static void Append(StringBuilder builder, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            builder.Append(field);
            return;
        }

        builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
