using Microsoft.Extensions.Logging;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Structured log events of the Seedream client (event ids 2100–2199). Messages carry ids, statuses and Apiframe's
/// request id; never the API key, and never a prompt (members' text stays out of the operator's logs).
/// </summary>
internal static partial class SeedreamLog
{
    [LoggerMessage(2101, LogLevel.Information, "Apiframe accepted job {JobId} with status {Status} (idempotency key {IdempotencyKey})")]
    public static partial void Submitted(ILogger logger, string jobId, string status, string idempotencyKey);

    [LoggerMessage(2102, LogLevel.Warning, "Apiframe call {Operation} failed: {FailureKind}, HTTP {StatusCode}, request id {RequestId}, job {JobId}: {FailureMessage}")]
    public static partial void CallFailed(
        ILogger logger, string operation, ApiframeFailureKind failureKind, int? statusCode, string? requestId, string? jobId, string failureMessage);

    [LoggerMessage(2103, LogLevel.Warning, "Retrying Apiframe {Method} {Path} (attempt {Attempt}) in {Delay} after HTTP {StatusCode} / {ExceptionType}, request id {RequestId}")]
    public static partial void Retrying(
        ILogger logger, string method, string path, int attempt, TimeSpan delay, int? statusCode, string? requestId, string? exceptionType);

    [LoggerMessage(2104, LogLevel.Debug, "Polled job {JobId} (attempt {Attempt}): {Status} {Progress}%")]
    public static partial void Polled(ILogger logger, string jobId, int attempt, string status, int progress);

    [LoggerMessage(2105, LogLevel.Warning, "Poll {Attempt} of job {JobId} failed transiently (HTTP {StatusCode}, request id {RequestId}); polling on: {Reason}")]
    public static partial void PollFailedTransiently(ILogger logger, string jobId, int attempt, int? statusCode, string? requestId, string reason);

    [LoggerMessage(2106, LogLevel.Information, "Job {JobId} completed with {ImageCount} image(s), credit cost {CreditCost}, after {Attempt} poll(s)")]
    public static partial void Completed(ILogger logger, string jobId, int imageCount, int? creditCost, int attempt);

    [LoggerMessage(2107, LogLevel.Warning, "Job {JobId} reported status {Status}, which this client does not know; polling on")]
    public static partial void UnknownStatus(ILogger logger, string jobId, string status);

    [LoggerMessage(2108, LogLevel.Debug, "Downloaded {ByteCount} bytes of {ContentType} from {Host}")]
    public static partial void Downloaded(ILogger logger, long byteCount, string contentType, string host);

    [LoggerMessage(2109, LogLevel.Information, "Uploaded {ByteCount} bytes to Apiframe's storage on {Host}, kept until {ExpiresAt}")]
    public static partial void Uploaded(ILogger logger, long byteCount, string host, DateTimeOffset? expiresAt);

    [LoggerMessage(2120, LogLevel.Debug, "Webhook for job {JobId}: {Event} ({Status}), {Outcome}")]
    public static partial void WebhookReceived(ILogger logger, string jobId, string @event, string status, JobUpdatePublish outcome);

    [LoggerMessage(2121, LogLevel.Warning, "Refused a webhook request with {What} (401). If every webhook is refused, Apiframe:ApiKey is not the key the jobs were created with; polling still finishes every job")]
    public static partial void WebhookBadSignature(ILogger logger, string what);

    [LoggerMessage(2122, LogLevel.Warning, "A signed webhook could not be read (event {Event}, job {JobId}); ignored, polling still finishes the job")]
    public static partial void WebhookUnreadable(ILogger logger, string @event, string jobId);

    [LoggerMessage(2123, LogLevel.Debug, "Job {JobId}: webhook {Status} {Progress}%")]
    public static partial void Pushed(ILogger logger, string jobId, string status, int progress);
}
