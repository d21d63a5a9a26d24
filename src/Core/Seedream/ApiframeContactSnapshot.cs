namespace SeedreamBot.Core.Seedream;

/// <summary>What <see cref="ApiframeContact"/> knows at one moment.</summary>
/// <param name="LastSuccessAt">The last healthy answer of the API host, or null if there was none yet.</param>
/// <param name="LastFailureAt">The last failed attempt, or null if there was none.</param>
/// <param name="LastFailureStatus">That attempt's HTTP status code, or <c>network</c>/<c>canceled</c>.</param>
public sealed record ApiframeContactSnapshot(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastFailureStatus)
{
    /// <summary>True when the most recent attempt failed (a failure after the last success).</summary>
    public bool LastAttemptFailed => LastFailureAt is { } failed && (LastSuccessAt is not { } succeeded || failed > succeeded);
}
