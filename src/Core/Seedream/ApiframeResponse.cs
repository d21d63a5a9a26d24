using System.Net;

namespace SeedreamBot.Core.Seedream;

/// <summary>An Apiframe API answer, fully read: status, body text and the headers the client acts on.</summary>
internal sealed record ApiframeResponse(HttpStatusCode StatusCode, string Body, string? RequestId, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>Statuses a later attempt may not see: 429 and 5xx (but not 501, which will not change).</summary>
    public bool IsTransient => StatusCode == HttpStatusCode.TooManyRequests
                               || ((int)StatusCode >= 500 && StatusCode != HttpStatusCode.NotImplemented);
}
