using System.Globalization;
using System.Text;

namespace SeedreamBot.Core.Credits;

/// <summary>Ledger entries as RFC 4180 CSV rows.</summary>
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
            entry.GenerationId ?? string.Empty,
            entry.Reason ?? string.Empty,
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
