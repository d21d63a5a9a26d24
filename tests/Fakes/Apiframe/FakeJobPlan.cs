namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// What the next job(s) will do (see <see cref="FakeApiframeServer.PlanNextJobs"/>). In automatic mode the outcome
/// happens at the end of the job's duration; in manual mode only the result shape and expiry apply, and the test
/// decides the outcome.
/// </summary>
public sealed record FakeJobPlan
{
    public const string ContentPolicyReason = "Provider returned an error: content policy violation";

    public FakeJobOutcome Outcome { get; init; } = FakeJobOutcome.Complete;

    /// <summary>The job's <c>error</c> when <see cref="Outcome"/> is Fail.</summary>
    public string FailureReason { get; init; } = ContentPolicyReason;

    /// <summary>The result shape; null means the server's <see cref="FakeApiframeServer.ResultShape"/>.</summary>
    public FakeResultShape? ResultShape { get; init; }

    /// <summary>Completes with <c>expired: true</c>, and its CDN URLs answer 404.</summary>
    public bool ExpiredResult { get; init; }

    /// <summary>Where a Stuck job's progress stops.</summary>
    public int StuckAtProgress { get; init; } = 40;

    public static FakeJobPlan Completes(FakeResultShape? shape = null) => new() { ResultShape = shape };

    public static FakeJobPlan Fails(string reason = ContentPolicyReason) => new() { Outcome = FakeJobOutcome.Fail, FailureReason = reason };

    public static FakeJobPlan Cancelled() => new() { Outcome = FakeJobOutcome.Cancel };

    public static FakeJobPlan Stuck(int atProgress = 40) => new() { Outcome = FakeJobOutcome.Stuck, StuckAtProgress = atProgress };

    public static FakeJobPlan Expired() => new() { ExpiredResult = true };
}
