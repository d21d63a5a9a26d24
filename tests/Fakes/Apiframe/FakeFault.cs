namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// A misbehaviour for the next request(s) to a route (see <see cref="FakeApiframeServer.InjectFault"/>). Faults are
/// applied after the request is recorded and before authentication, like a gateway in front of Apiframe would.
/// With <see cref="AfterProcessing"/> the request is handled first (a job really is created) and only the answer is
/// replaced: the "request reached Apiframe, the response was lost" case that idempotency keys exist for.
/// </summary>
public sealed record FakeFault(FakeFaultKind Kind)
{
    public int StatusCode { get; init; }

    public string Error { get; init; } = string.Empty;

    public TimeSpan RetryAfter { get; init; }

    /// <summary>Sends Retry-After as an HTTP date instead of delta seconds.</summary>
    public bool RetryAfterAsDate { get; init; }

    public string ContentType { get; init; } = string.Empty;

    public bool AfterProcessing { get; init; }

    public static FakeFault RateLimited(TimeSpan retryAfter, bool asDate = false) =>
        new(FakeFaultKind.RateLimited)
        {
            StatusCode = 429,
            Error = "Rate limit exceeded",
            RetryAfter = retryAfter,
            RetryAfterAsDate = asDate,
        };

    public static FakeFault ServiceUnavailable(bool afterProcessing = false) =>
        Status(503, "Service temporarily unavailable") with { AfterProcessing = afterProcessing };

    public static FakeFault InternalServerError(bool afterProcessing = false) =>
        Status(500, "Internal server error") with { AfterProcessing = afterProcessing };

    public static FakeFault Status(int statusCode, string error) =>
        new(FakeFaultKind.Status) { StatusCode = statusCode, Error = error };

    public static FakeFault InsufficientCredits() => new(FakeFaultKind.InsufficientCredits) { StatusCode = 402 };

    public static FakeFault Hang(bool afterProcessing = false) => new(FakeFaultKind.Hang) { AfterProcessing = afterProcessing };

    public static FakeFault Disconnect(bool afterProcessing = false) => new(FakeFaultKind.Disconnect) { AfterProcessing = afterProcessing };

    /// <summary>CDN: answers 404 as if the asset had been purged.</summary>
    public static FakeFault CdnExpired() => Status(404, "Not found");

    public static FakeFault CdnContentType(string contentType) =>
        new(FakeFaultKind.ContentType) { ContentType = contentType };

    public static FakeFault CdnChunked() => new(FakeFaultKind.Chunked);
}
