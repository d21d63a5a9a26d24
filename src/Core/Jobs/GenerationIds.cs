using System.Security.Cryptography;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Generation ids: 16 characters of Crockford base32 (80 random bits) — short enough for button custom ids, with no
/// characters that need escaping anywhere.
/// </summary>
public static class GenerationIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[16];
        ulong buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var value in bytes)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }

        return new string(chars);
    }

    /// <summary>True for strings <see cref="New"/> could have produced (custom ids arrive from users' clients).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 16 } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
