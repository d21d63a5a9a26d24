namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Rules for the <c>Idempotency-Key</c> header. Apiframe keeps a key for 24 hours and answers a replay with the
/// original job, so one generation must use one key for its whole life, across retries and restarts.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>Apiframe's limit.</summary>
    public const int MaxLength = 255;

    /// <summary>True for 1–255 visible ASCII characters (what an HTTP header value carries unchanged).</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => c is > ' ' and < (char)0x7F);

    internal static void ThrowIfInvalid(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"An idempotency key must be 1–{MaxLength} visible ASCII characters (this one has {key.Length}).",
                paramName);
        }
    }
}
