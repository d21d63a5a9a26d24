using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using SeedreamBot.Discord.Interactions;

namespace SeedreamBot.Discord.Tests.Interactions;

/// <summary>
/// Discord's request signature: Ed25519 over timestamp + raw body with the application's public key, and a timestamp
/// within five minutes of this machine's clock. Anything else is refused.
/// </summary>
public sealed class InteractionSignatureVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly byte[] _body = Encoding.UTF8.GetBytes("""{"type":2,"id":"1"}""");

    public void Dispose() => _key.Dispose();

    [Fact]
    public void RFC_8032_test_vector_2_verifies()
    {
        // Public key and signature of test 2 (message 0x72, the letter "r"): as timestamp "r" with an empty body, the
        // signature verifies; the check then stops at the timestamp, which is not a number.
        var verifier = new InteractionSignatureVerifier("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", _time);
        const string Signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

        Assert.Equal(InteractionSignatureCheck.StaleTimestamp, verifier.Check(Signature, "r", []));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(Signature, "s", []));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(Signature, "r", [0x00]));
    }

    [Fact]
    public void A_request_signed_now_with_the_applications_key_is_valid()
    {
        var (signature, timestamp) = Sign(Now, _body);

        Assert.Equal(InteractionSignatureCheck.Valid, Verifier().Check(signature, timestamp, _body));
        Assert.Equal(InteractionSignatureCheck.Valid, Verifier().Check(signature.ToUpperInvariant(), timestamp, _body));
    }

    [Fact]
    public void Any_change_to_body_timestamp_or_signature_is_a_bad_signature()
    {
        var (signature, timestamp) = Sign(Now, _body);
        var verifier = Verifier();

        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(signature, timestamp, [.. _body, (byte)' ']));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(signature, (long.Parse(timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), _body));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check((signature[0] == '0' ? "1" : "0") + signature[1..], timestamp, _body));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(signature[..^2], timestamp, _body));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(new string('x', 128), timestamp, _body));
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var forged = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(other, Encoding.UTF8.GetBytes(timestamp).Concat(_body).ToArray()));
        Assert.Equal(InteractionSignatureCheck.BadSignature, verifier.Check(forged, timestamp, _body));
    }

    [Fact]
    public void Missing_headers_are_refused_before_anything_else()
    {
        var (signature, timestamp) = Sign(Now, _body);

        Assert.Equal(InteractionSignatureCheck.MissingHeaders, Verifier().Check(null, timestamp, _body));
        Assert.Equal(InteractionSignatureCheck.MissingHeaders, Verifier().Check(signature, "", _body));
    }

    [Theory]
    [InlineData(-300, InteractionSignatureCheck.Valid)]
    [InlineData(300, InteractionSignatureCheck.Valid)]
    [InlineData(-301, InteractionSignatureCheck.StaleTimestamp)]
    [InlineData(301, InteractionSignatureCheck.StaleTimestamp)]
    [InlineData(-86_400, InteractionSignatureCheck.StaleTimestamp)]
    public void The_timestamp_must_be_within_five_minutes_of_this_clock(int offsetSeconds, InteractionSignatureCheck expected)
    {
        var (signature, timestamp) = Sign(Now.AddSeconds(offsetSeconds), _body);

        Assert.Equal(expected, Verifier().Check(signature, timestamp, _body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660")]
    [InlineData("zz4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    public void A_public_key_that_is_not_32_bytes_of_hex_is_rejected(string key)
    {
        Assert.False(InteractionSignatureVerifier.IsValidPublicKey(key));
        Assert.Throws<FormatException>(() => new InteractionSignatureVerifier(key, _time));
    }

    private InteractionSignatureVerifier Verifier() =>
        new(Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), _time);

    private (string Signature, string Timestamp) Sign(DateTimeOffset at, byte[] body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray());
        return (Convert.ToHexStringLower(signature), timestamp);
    }
}
