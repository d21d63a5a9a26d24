using System.Collections.Frozen;
using System.Text;

namespace SeedreamBot.Core.Credits;

/// <summary>The stored and exported names of entry kinds: snake_case (<c>allowance_change</c>).</summary>
public static class CreditEntryKindNames
{
    private static readonly FrozenDictionary<CreditEntryKind, string> Names =
        Enum.GetValues<CreditEntryKind>().ToFrozenDictionary(kind => kind, ToSnakeCase);

    private static readonly FrozenDictionary<string, CreditEntryKind> Kinds =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string NameOf(CreditEntryKind kind) => Names[kind];

    public static bool TryParse(string? name, out CreditEntryKind kind) => Kinds.TryGetValue(name ?? string.Empty, out kind);

    private static string ToSnakeCase(CreditEntryKind kind)
    {
        var name = kind.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
