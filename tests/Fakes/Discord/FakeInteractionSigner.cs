using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// The application's Ed25519 key pair as Discord holds it: requests to an interactions endpoint carry
/// <c>X-Signature-Ed25519</c> (hex) over <c>X-Signature-Timestamp</c> (Unix seconds) followed by the body.
/// </summary>
internal sealed class FakeInteractionSigner : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    /// <summary>The public key as the developer portal shows it (64 lower-case hex digits).</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body) => Convert.ToHexStringLower(Algorithm.Sign(_key, Signed(timestamp, body)));

    public void Dispose() => _key.Dispose();

    private static byte[] Signed(string timestamp, byte[] body)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        return [.. stamp, .. body];
    }
}
