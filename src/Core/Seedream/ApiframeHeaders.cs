namespace SeedreamBot.Core.Seedream;

/// <summary>The HTTP header names of Apiframe's v2 API.</summary>
internal static class ApiframeHeaders
{
    public const string ApiKey = "X-API-Key";

    public const string IdempotencyKey = "Idempotency-Key";

    public const string RequestId = "x-request-id";

    /// <summary>Values that must never reach a log line, whatever the logging level.</summary>
    public static bool IsSensitive(string headerName) =>
        headerName.Equals(ApiKey, StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestId, out var values) ? values.FirstOrDefault() : null;
}
