namespace SeedreamBot.Discord.Interactions;

/// <summary>What checking an interaction request's signature found.</summary>
public enum InteractionSignatureCheck
{
    /// <summary>Signed with the application's key, within the allowed clock difference.</summary>
    Valid,

    /// <summary><c>X-Signature-Ed25519</c> or <c>X-Signature-Timestamp</c> is absent or empty.</summary>
    MissingHeaders,

    /// <summary>The signature is not hex, not 64 bytes, or does not verify over timestamp + body.</summary>
    BadSignature,

    /// <summary>The timestamp is not a Unix time, or too far from this machine's clock (a replay or a stale request).</summary>
    StaleTimestamp,
}
