using System.Text.Json;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The JSON Apiframe POSTs to <c>webhookUrl</c>: <c>event</c>, <c>jobId</c>, <c>status</c> and, by event, <c>progress</c>,
/// <c>result</c>, <c>error</c>, <c>creditCost</c>, <c>completedAt</c>. Everything optional, as for <see cref="JobBody"/>.
/// </summary>
internal sealed class WebhookEventBody
{
    public string? Event { get; set; }

    public string? JobId { get; set; }

    public string? Status { get; set; }

    public double? Progress { get; set; }

    public JsonElement? Result { get; set; }

    public string? Error { get; set; }

    public int? CreditCost { get; set; }

    public string? CompletedAt { get; set; }

    /// <summary>The event as the job document a poll would have returned at that moment.</summary>
    public JobBody ToJob() => new()
    {
        Id = JobId,
        Status = Status ?? Event?.Trim().ToLowerInvariant() switch
        {
            "completed" => JobStatus.Completed.ToWire(),
            "failed" => JobStatus.Failed.ToWire(),
            "progress" => JobStatus.Processing.ToWire(),
            _ => null,
        },
        Progress = Progress,
        Result = Result,
        Error = Error,
        CreditCost = CreditCost,
        CompletedAt = CompletedAt,
    };
}
