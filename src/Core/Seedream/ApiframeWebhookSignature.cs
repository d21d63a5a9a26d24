using System.Security.Cryptography;
using System.Text;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Apiframe's webhook signature: <c>X-Webhook-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw request body
/// keyed with the SHA-256 digest (the raw 32 bytes, not its hex) of the account's API key. A bare hex value is accepted
/// too, as Apiframe's own SDK does. Compared in constant time.
/// </summary>
public static class ApiframeWebhookSignature
{
    public const string Header = "X-Webhook-Signature";

    /// <summary>The event name header (<c>progress</c>, <c>completed</c>, <c>failed</c>); informational, the body says it too.</summary>
    public const string EventHeader = "X-Webhook-Event";

    private const string Prefix = "sha256=";

    /// <summary>The HMAC key of an API key's webhooks.</summary>
    public static byte[] SecretFor(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>The header value Apiframe sends for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? header, ReadOnlySpan<byte> secret)
    {
        var hex = header?.Trim();
        if (string.IsNullOrEmpty(hex))
        {
            return false;
        }

        if (hex.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[Prefix.Length..];
        }

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != claimed.Length * 2
            || Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
