namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Why an Apiframe call or job produced no image. <see cref="Message"/> is safe to show (it never contains the
/// API key); <see cref="IsOperatorProblem"/> says whether the person hosting the bot must act.
/// </summary>
public sealed record ApiframeFailure(ApiframeFailureKind Kind, string Message)
{
    /// <summary>HTTP status of the response that ended the call, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Apiframe's <c>x-request-id</c>, for support requests.</summary>
    public string? RequestId { get; init; }

    /// <summary>400 validation details: JSON path → messages.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Details { get; init; }

    /// <summary>402: credits the generation needs.</summary>
    public int? CreditsRequired { get; init; }

    /// <summary>402: credits the team has.</summary>
    public int? CreditsAvailable { get; init; }

    /// <summary>429: how long Apiframe asked us to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The job id, for failures that happened after submission.</summary>
    public string? JobId { get; init; }

    /// <summary>
    /// What Apiframe billed for the job (<c>creditCost</c> of a job that ended without an image), when it said.
    /// Usually 0 (failed jobs are refunded); a non-zero cost counts against the daily budget.
    /// </summary>
    public int? CreditCost { get; init; }

    /// <summary>True when the fix is the operator's (bad key, Apiframe out of credits), not the member's.</summary>
    public bool IsOperatorProblem => Kind is ApiframeFailureKind.Unauthorized or ApiframeFailureKind.InsufficientCredits;
}
