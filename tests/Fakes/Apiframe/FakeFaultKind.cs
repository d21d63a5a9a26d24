namespace SeedreamBot.Fakes.Apiframe;

public enum FakeFaultKind
{
    /// <summary>429 <c>{error}</c> with <c>Retry-After</c>.</summary>
    RateLimited,

    /// <summary>Any status with an <c>{error}</c> body (503, 500, 502, 401, …).</summary>
    Status,

    /// <summary>402 <c>InsufficientCredits</c> with the team's real numbers.</summary>
    InsufficientCredits,

    /// <summary>No answer until the client gives up (or the server stops).</summary>
    Hang,

    /// <summary>The connection is dropped without an answer (a network failure, as the client sees it).</summary>
    Disconnect,

    /// <summary>CDN only: serve the bytes under another Content-Type.</summary>
    ContentType,

    /// <summary>CDN only: serve the bytes without Content-Length (chunked).</summary>
    Chunked,
}
