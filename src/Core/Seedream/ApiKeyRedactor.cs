namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Removes the API key from text that came from elsewhere (an error body, an exception message) before it can reach
/// a log line or a member. Apiframe is not known to echo keys; this keeps it that way if it ever does.
/// </summary>
internal static class ApiKeyRedactor
{
    public const string Mask = ApiframeOptions.ApiKeyPrefix + "***";

    public static string Redact(string text, string? apiKey) =>
        string.IsNullOrEmpty(apiKey) || apiKey.Length <= ApiframeOptions.ApiKeyPrefix.Length
            ? text
            : text.Replace(apiKey, Mask, StringComparison.Ordinal);

    public static string? RedactOrNull(string? text, string? apiKey) => text is null ? null : Redact(text, apiKey);
}
