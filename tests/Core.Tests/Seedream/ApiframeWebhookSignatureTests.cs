using System.Security.Cryptography;
using System.Text;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Apiframe's webhook signature as its SDK computes it: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw
/// body, keyed with the raw 32-byte SHA-256 digest of the API key (not its hex form); a bare hex value counts too.
/// </summary>
public sealed class ApiframeWebhookSignatureTests
{
    private const string ApiKey = "afk_abc123";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","status":"COMPLETED","progress":100}""");

    [Fact]
    public void The_signature_is_the_hmac_of_the_raw_body_keyed_with_the_raw_sha256_of_the_key()
    {
        var secret = ApiframeWebhookSignature.SecretFor(ApiKey);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)), Body));

        Assert.Equal(32, secret.Length);
        Assert.Equal(expected, ApiframeWebhookSignature.Sign(Body, secret));
        Assert.True(ApiframeWebhookSignature.Verify(Body, expected, secret));
        Assert.True(ApiframeWebhookSignature.Verify(Body, expected["sha256=".Length..], secret));
        Assert.True(ApiframeWebhookSignature.Verify(Body, "SHA256=" + expected["sha256=".Length..].ToUpperInvariant(), secret));
    }

    [Fact]
    public void A_signature_keyed_with_the_hex_digest_or_the_key_itself_is_refused()
    {
        var secret = ApiframeWebhookSignature.SecretFor(ApiKey);
        var hexKeyed = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Convert.ToHexStringLower(secret)), Body));
        var rawKeyed = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiKey), Body));

        Assert.False(ApiframeWebhookSignature.Verify(Body, hexKeyed, secret));
        Assert.False(ApiframeWebhookSignature.Verify(Body, rawKeyed, secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha1=0000000000000000000000000000000000000000")]
    public void Missing_or_malformed_signatures_are_refused(string? header)
    {
        Assert.False(ApiframeWebhookSignature.Verify(Body, header, ApiframeWebhookSignature.SecretFor(ApiKey)));
    }

    [Fact]
    public void A_changed_body_is_refused()
    {
        var secret = ApiframeWebhookSignature.SecretFor(ApiKey);
        var signature = ApiframeWebhookSignature.Sign(Body, secret);

        Assert.False(ApiframeWebhookSignature.Verify([.. Body, (byte)' '], signature, secret));
    }
}
