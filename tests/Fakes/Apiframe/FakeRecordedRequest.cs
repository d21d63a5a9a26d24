namespace SeedreamBot.Fakes.Apiframe;

/// <summary>One request as the fake received it, for asserting what a client sent.</summary>
public sealed class FakeRecordedRequest
{
    internal FakeRecordedRequest(
        long sequence,
        FakeRoute route,
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> headers,
        string body,
        DateTimeOffset timestamp,
        string requestId)
    {
        Sequence = sequence;
        Route = route;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
        Body = body;
        Timestamp = timestamp;
        RequestId = requestId;
    }

    /// <summary>1 for the first request the server received, then 2, 3, …</summary>
    public long Sequence { get; }

    public FakeRoute Route { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>Including the leading '?', or empty.</summary>
    public string QueryString { get; }

    /// <summary>Case-insensitive; repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>Arrival time on the server's TimeProvider.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The <c>x-request-id</c> the fake answered with.</summary>
    public string RequestId { get; }

    /// <summary>The status the fake answered with; null while the answer is pending (or hung).</summary>
    public int? StatusCode { get; internal set; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString} → {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pending"}";
}
