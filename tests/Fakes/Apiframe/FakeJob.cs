using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>One job's mutable state inside the fake. Only touched under the server's lock.</summary>
internal sealed class FakeJob
{
    public const string Queued = "QUEUED";
    public const string Processing = "PROCESSING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    /// <summary>The first fifth of an automatic job's duration is spent QUEUED.</summary>
    private const double QueuedShare = 0.2;

    private byte[]? _image;

    public required string Id { get; init; }

    public required string OwnerKey { get; init; }

    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public required JsonObject Input { get; init; }

    /// <summary><c>png</c> or <c>jpg</c>, from <c>output_format</c>.</summary>
    public required string Extension { get; init; }

    public required string? IdempotencyKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required int Cost { get; init; }

    public required FakeJobPlan Plan { get; init; }

    public required FakeResultShape ResultShape { get; set; }

    public required int ImageBytes { get; init; }

    /// <summary>A photographic-like result of this pixel size instead of <see cref="ImageBytes"/>-sized noise; null: noise.</summary>
    public (int Width, int Height)? PhotoSize { get; init; }

    /// <summary>The <c>image_input</c> URLs.</summary>
    public IReadOnlyList<string> InputUrls { get; init; } = [];

    /// <summary>Fetching the inputs: null when every one was fetched, else why the job fails. Null task: nothing to fetch.</summary>
    public Task<string?>? InputFetch { get; init; }

    /// <summary>Moves on its own (automatic mode at creation, and no test has taken it over).</summary>
    public bool Automatic { get; set; }

    /// <summary>Frozen where it is, even in automatic mode.</summary>
    public bool Held { get; set; }

    public string Status { get; set; } = Queued;

    public int? Progress { get; set; } = 0;

    public string? Error { get; set; }

    public int? CreditCost { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool Expired { get; set; }

    public int Polls { get; set; }

    /// <summary>Where the job's webhooks go (<c>webhookUrl</c>); null when it asked for none.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The events it subscribed to (<c>webhookEvents</c>); every event when the field was left out.</summary>
    public IReadOnlyList<string> WebhookEvents { get; init; } = [];

    /// <summary>Null, then <c>pending</c> once an end event is raised, then <c>delivered</c> or <c>failed</c>.</summary>
    public string? WebhookStatus { get; set; }

    /// <summary>The last status and progress webhooks told of.</summary>
    public (string Status, int? Progress) Notified { get; set; } = (Queued, 0);

    /// <summary>The timer that moves an automatic job with webhooks along, so its events go out on time.</summary>
    public ITimer? WebhookTimer { get; set; }

    public bool IsTerminal => Status is Completed or Failed or Cancelled;

    /// <summary>The JobAccepted status: that schema has no CANCELLED, so a cancelled original replays as FAILED.</summary>
    public string AcceptedStatus => Status == Cancelled ? Failed : Status;

    public Uri ImageUrl(Uri baseUrl, int index = 1) => new(baseUrl, $"cdn/images/{Id}-{index}.{Extension}");

    /// <summary>Moves an automatic job to where its age says it should be. Returns true if anything changed.</summary>
    public bool Advance(DateTimeOffset now, TimeSpan duration, TimeSpan resultLifetime, Action<FakeJob> refund)
    {
        // The CDN's cleanup worker purges results whatever drove the job.
        if (Status == Completed && !Expired && CompletedAt + resultLifetime <= now)
        {
            Expired = true;
        }

        if (!Automatic || Held || IsTerminal)
        {
            return false;
        }

        var before = (Status, Progress);
        var elapsed = now - CreatedAt;
        var queuedFor = duration * QueuedShare;
        if (elapsed < queuedFor)
        {
            Status = Queued;
            Progress = 0;
        }
        else if (elapsed < duration || Plan.Outcome == FakeJobOutcome.Stuck)
        {
            var share = duration == queuedFor ? 1 : (elapsed - queuedFor) / (duration - queuedFor);
            var progress = Math.Clamp((int)(share * 100), 1, 99);
            Status = Processing;
            Progress = Plan.Outcome == FakeJobOutcome.Stuck ? Math.Min(progress, Plan.StuckAtProgress) : progress;
        }
        else
        {
            var end = CreatedAt + duration;
            switch (Plan.Outcome)
            {
                case FakeJobOutcome.Fail:
                    Fail(Plan.FailureReason, end, refund);
                    break;
                case FakeJobOutcome.Cancel:
                    Cancel(end, refund);
                    break;
                case FakeJobOutcome.Complete when InputFetch is { IsCompleted: false }:
                    // Still downloading an input: the job cannot finish before it has them.
                    Status = Processing;
                    Progress = 99;
                    break;
                default:
                    Complete(end, refund);
                    break;
            }
        }

        return before != (Status, Progress);
    }

    /// <summary>Completes, or fails when an input could not be fetched (call once <see cref="InputFetch"/> is done).</summary>
    public void Complete(DateTimeOffset now, Action<FakeJob> refund)
    {
        if (InputFetch is { IsCompletedSuccessfully: true, Result: { } inputError })
        {
            Fail(inputError, now, refund);
            return;
        }

        Status = Completed;
        Progress = 100;
        CompletedAt = now;
        Expired = Plan.ExpiredResult || Expired;
    }

    public void Fail(string reason, DateTimeOffset now, Action<FakeJob> refund)
    {
        Status = Failed;
        Progress = 0;
        Error = reason;
        CompletedAt = now;
        refund(this);
    }

    public void Cancel(DateTimeOffset now, Action<FakeJob> refund)
    {
        Status = Cancelled;
        CompletedAt = now;
        refund(this);
    }

    /// <summary>The result image, made once per job (deterministic: seeded by the job id).</summary>
    public byte[] Image()
    {
        if (_image is null)
        {
            var seed = StringComparer.Ordinal.GetHashCode(Id) & 0x7F;
            _image = PhotoSize is var (width, height)
                ? Extension == "jpg" ? FakeImages.Jpeg(width, height) : FakePhotoCache.Get(width, height)
                : Extension == "jpg"
                    ? FakeImages.Jpeg(64, 64, ImageBytes)
                    : ImageBytes > 0 ? FakeImages.PngOfSize(ImageBytes, seed) : FakeImages.Png(64, 64, seed);
        }

        return _image;
    }

    /// <summary>The <c>Job</c> document (list items use the same, with <c>expired</c> always present).</summary>
    public JsonObject ToJson(Uri baseUrl) => new()
    {
        ["id"] = Id,
        ["status"] = Status,
        ["model"] = Model,
        ["progress"] = Progress,
        ["result"] = Status == Completed ? ResultJson(baseUrl) : null,
        ["error"] = Error,
        ["creditCost"] = CreditCost,
        ["webhookStatus"] = WebhookStatus,
        ["createdAt"] = Timestamp(CreatedAt),
        ["completedAt"] = CompletedAt is { } completed ? Timestamp(completed) : null,
        ["expired"] = Expired,
        ["input"] = Input.DeepClone(),
    };

    public FakeJobSnapshot ToSnapshot(Uri baseUrl) => new(
        Id,
        Status,
        Progress,
        Model,
        Prompt,
        Error,
        CreditCost,
        Expired,
        IdempotencyKey,
        CreatedAt,
        CompletedAt,
        Polls,
        Status == Completed && ResultShape != FakeResultShape.EmptyImages ? [ImageUrl(baseUrl)] : [],
        InputUrls,
        InputFetch is { IsCompletedSuccessfully: true } fetch ? fetch.Result : null);

    /// <summary>
    /// The webhook payload of <paramref name="event"/> for the job as it is now, with the documented fields of each event.
    /// </summary>
    public JsonObject WebhookPayload(string @event, Uri baseUrl) => @event switch
    {
        "completed" => new JsonObject
        {
            ["event"] = @event,
            ["jobId"] = Id,
            ["status"] = Status,
            ["progress"] = 100,
            ["result"] = ResultJson(baseUrl),
            ["model"] = Model,
            ["creditCost"] = CreditCost,
            ["completedAt"] = CompletedAt is { } completed ? Timestamp(completed) : null,
        },
        "failed" => new JsonObject
        {
            ["event"] = @event,
            ["jobId"] = Id,
            ["status"] = Status,
            ["error"] = Error,
            ["model"] = Model,
        },
        _ => new JsonObject
        {
            ["event"] = @event,
            ["jobId"] = Id,
            ["status"] = Status,
            ["progress"] = Progress,
            ["model"] = Model,
        },
    };

    /// <summary>
    /// When an automatic job next reaches a moment webhooks tell of: entering PROCESSING, each quarter of its progress,
    /// its end. Null when nothing is left (ended, or stuck past its last step).
    /// </summary>
    public DateTimeOffset? NextWebhookMoment(DateTimeOffset now, TimeSpan duration)
    {
        if (!Automatic || IsTerminal)
        {
            return null;
        }

        var queuedFor = duration * QueuedShare;
        var processing = duration - queuedFor;

        // A millisecond past each moment, so rounding never leaves the job just short of it.
        var margin = TimeSpan.FromMilliseconds(1);
        DateTimeOffset[] moments =
        [
            CreatedAt + queuedFor + margin,
            CreatedAt + queuedFor + (processing * 0.25) + margin,
            CreatedAt + queuedFor + (processing * 0.5) + margin,
            CreatedAt + queuedFor + (processing * 0.75) + margin,
            CreatedAt + duration,
        ];
        foreach (var moment in moments)
        {
            if (moment > now)
            {
                return Plan.Outcome == FakeJobOutcome.Stuck && moment == moments[^1] ? null : moment;
            }
        }

        return null;
    }

    private JsonNode? ResultJson(Uri baseUrl)
    {
        var url = ImageUrl(baseUrl).AbsoluteUri;
        return ResultShape switch
        {
            FakeResultShape.BareString => JsonValue.Create(url),
            FakeResultShape.StringArray => new JsonArray(url),
            FakeResultShape.EmptyImages => new JsonObject { ["images"] = new JsonArray() },
            _ => new JsonObject { ["images"] = new JsonArray(url) },
        };
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
