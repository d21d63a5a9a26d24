using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace SeedreamBot.Discord.Interactions;

/// <summary>
/// Checks the Ed25519 signature Discord puts on every request to an HTTP interactions endpoint:
/// <c>X-Signature-Ed25519</c> (hex) over the bytes of <c>X-Signature-Timestamp</c> followed by the raw body, with the
/// application's public key from the developer portal. Discord sends deliberately bad signatures to check the endpoint
/// and removes its URL if one is accepted, so anything short of a valid signature is refused. The timestamp must be
/// within <see cref="MaxClockDifference"/> of this machine's clock, so a captured request cannot be replayed later.
/// Thread-safe.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Signature-Ed25519";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-Signature-Timestamp";

    /// <summary>How far a request's timestamp may be from this machine's clock, either way.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 64;
    private const int PublicKeyBytes = 32;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;

    /// <param name="publicKeyHex">The application's public key: 64 hex digits.</param>
    /// <param name="time">The clock the timestamps are compared with.</param>
    /// <exception cref="FormatException">The key is not 32 bytes of hex, or not a valid Ed25519 public key.</exception>
    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _publicKey = ParsePublicKey(publicKeyHex)
            ?? throw new FormatException("The interactions public key must be 64 hex digits (32 bytes), as the developer portal shows it.");
        _time = time;
    }

    /// <summary>True when <paramref name="publicKeyHex"/> is an Ed25519 public key written as 64 hex digits.</summary>
    public static bool IsValidPublicKey(string? publicKeyHex) => ParsePublicKey(publicKeyHex) is not null;

    /// <summary>Checks one request: its two headers and its body exactly as received.</summary>
    public InteractionSignatureCheck Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return InteractionSignatureCheck.MissingHeaders;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (signatureHex.Length != SignatureBytes * 2
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes)
        {
            return InteractionSignatureCheck.BadSignature;
        }

        // The signature covers the timestamp exactly as sent, so it is verified before the timestamp is interpreted:
        // a forged request learns nothing about the clock check.
        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var signed = new byte[timestampBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(timestampBytes));
        if (!Algorithm.Verify(_publicKey, signed, signature))
        {
            return InteractionSignatureCheck.BadSignature;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return InteractionSignatureCheck.StaleTimestamp;
        }

        var difference = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return difference.Duration() <= MaxClockDifference ? InteractionSignatureCheck.Valid : InteractionSignatureCheck.StaleTimestamp;
    }

    private static PublicKey? ParsePublicKey(string? publicKeyHex)
    {
        if (publicKeyHex is null || publicKeyHex.Length != PublicKeyBytes * 2)
        {
            return null;
        }

        Span<byte> raw = stackalloc byte[PublicKeyBytes];
        if (Convert.FromHexString(publicKeyHex, raw, out _, out var written) != System.Buffers.OperationStatus.Done || written != PublicKeyBytes)
        {
            return null;
        }

        return PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }
}
