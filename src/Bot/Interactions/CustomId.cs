using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// Button and modal ids: <c>prefix:action[:argument…]</c>. All state a button needs is in its id (usually a
/// generation id that leads to a LiteDB record), so buttons keep working after restarts.
/// </summary>
public sealed record CustomId(string Prefix, string Action, IReadOnlyList<string> Arguments)
{
    public const int MaxLength = 100;

    public string? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;

    public static string Create(string prefix, string action, params string[] arguments)
    {
        var id = string.Join(':', [prefix, action, .. arguments]);
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"Custom id '{id}' is longer than Discord's {MaxLength} characters.", nameof(arguments));
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out CustomId? customId)
    {
        customId = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var parts = value.Split(':');
        if (parts.Length < 2 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        customId = new CustomId(parts[0], parts[1], parts[2..]);
        return true;
    }

    public override string ToString() => string.Join(':', [Prefix, Action, .. Arguments]);
}
