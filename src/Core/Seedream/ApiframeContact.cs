namespace SeedreamBot.Core.Seedream;

/// <summary>
/// When Apiframe last answered the bot well, and when and how it last failed to, for the health endpoint. Only the
/// API host counts (not the CDN), and only answers that say something about Apiframe itself: a 400 about one prompt
/// proves Apiframe is reachable and the key works, while 401/402/403/429/5xx and network errors do not.
/// </summary>
public sealed class ApiframeContact
{
    private readonly Lock _gate = new();
    private ApiframeContactSnapshot _snapshot = new(null, null, null);

    public ApiframeContactSnapshot Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>True for a status that shows Apiframe reachable and accepting the key.</summary>
    public static bool IsHealthyAnswer(int statusCode) =>
        statusCode < 500 && statusCode is not (401 or 402 or 403 or 429);

    public void Answered(DateTimeOffset at)
    {
        lock (_gate)
        {
            _snapshot = _snapshot with { LastSuccessAt = at };
        }
    }

    public void Failed(DateTimeOffset at, string status)
    {
        lock (_gate)
        {
            _snapshot = _snapshot with { LastFailureAt = at, LastFailureStatus = status };
        }
    }
}
