using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Follows a job until it ends or the job timeout passes: polls <c>GET /v2/jobs/{id}</c> on Apiframe's recommended
/// schedule (first after <see cref="ApiframeOptions.PollInterval"/>, then ×1.5 up to
/// <see cref="ApiframeOptions.MaxPollInterval"/>), and, with webhooks on, takes each verified webhook event from
/// <see cref="ApiframeJobUpdates"/> exactly like a poll result while polling slows to
/// <see cref="ApiframeOptions.WebhookPollInterval"/> as a safety net. All waits use the injected
/// <see cref="TimeProvider"/>. A poll that fails transiently (429, 5xx, network) is not the end: the job is still
/// running at Apiframe, so polling goes on until the timeout.
/// </summary>
internal sealed class JobPoller(
    ApiframeApi api,
    ApiframeOptions options,
    TimeProvider time,
    ILogger logger,
    ApiframeJobUpdates? updates = null,
    ApiframeMetrics? metrics = null)
{
    private const double Backoff = 1.5;

    public async Task<ApiframeResult<CompletedJob>> WaitAsync(
        string jobId,
        IProgress<JobProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.JobTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        // Subscribed before the first wait, so no event can slip between submitting and listening (one that came even
        // earlier was kept for this poller).
        using var pushed = options.WebhooksEnabled ? updates?.Subscribe(jobId) : null;
        var delay = options.PollInterval;
        var pollDue = time.GetTimestamp();
        var attempt = 0;
        JobProgress? reported = null;
        ApiframeFailure? lastProblem = null;

        try
        {
            while (true)
            {
                JobBody? job;
                ApiframeResponse? response = null;
                var remaining = delay - time.GetElapsedTime(pollDue);
                if (pushed is not null && await pushed.WaitAsync(remaining, linked.Token) is { } update)
                {
                    // A webhook event: the same document a poll would have read, without the request. The poll
                    // schedule stays where it was.
                    job = update;
                }
                else
                {
                    if (pushed is null)
                    {
                        await Task.Delay(delay, time, linked.Token);
                    }

                    attempt++;
                    var next = NextDelay(delay);
                    pollDue = time.GetTimestamp();
                    try
                    {
                        response = await api.GetJobAsync(jobId, linked.Token);
                    }
                    catch (Exception exception) when (!linked.IsCancellationRequested
                                                      && ApiframeFailures.FromException(exception, ApiframeOperation.Poll, jobId, options.ApiKey) is { } failure)
                    {
                        lastProblem = failure;
                        SeedreamLog.PollFailedTransiently(logger, jobId, attempt, null, null, failure.Message);
                        delay = next;
                        continue;
                    }

                    if (!response.IsSuccess)
                    {
                        var failure = ApiframeFailures.FromResponse(response, ApiframeOperation.Poll, jobId, options.ApiKey);
                        if (!response.IsTransient)
                        {
                            return Fail(failure);
                        }

                        lastProblem = failure;
                        SeedreamLog.PollFailedTransiently(logger, jobId, attempt, failure.StatusCode, failure.RequestId, failure.Message);
                        delay = response.RetryAfter is { } wait && wait > next ? wait : next;
                        continue;
                    }

                    delay = next;
                    job = ParseJob(response.Body);
                    if (job is null)
                    {
                        lastProblem = ApiframeFailures.UnexpectedBody(response, ApiframeOperation.Poll, jobId);
                        SeedreamLog.PollFailedTransiently(logger, jobId, attempt, (int)response.StatusCode, response.RequestId, lastProblem.Message);
                        continue;
                    }
                }

                if (!JobStatuses.TryParse(job.Status, out var status))
                {
                    SeedreamLog.UnknownStatus(logger, jobId, job.Status ?? "(none)");
                    continue;
                }

                var current = new JobProgress(status, PercentOf(job, status, reported));
                if (response is null)
                {
                    SeedreamLog.Pushed(logger, jobId, job.Status!, current.Percent);
                }
                else
                {
                    SeedreamLog.Polled(logger, jobId, attempt, job.Status!, current.Percent);
                }

                if (status is (JobStatus.Queued or JobStatus.Processing or JobStatus.Completed) && current != reported)
                {
                    reported = current;
                    progress?.Report(current);
                }

                if (status.IsTerminal())
                {
                    updates?.Ended(jobId);
                    Noticed(job, response is null ? "webhook" : "poll");
                    return Finish(jobId, status, job, response, attempt);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var last = reported is { } seen ? $"it was {seen.Status.ToWire()} at {seen.Percent}%" : "it never reported a status";
            var apiTrouble = lastProblem is null ? string.Empty : " Apiframe was also failing to answer some status checks.";
            return Fail(new ApiframeFailure(
                ApiframeFailureKind.TimedOut,
                $"The image was not ready within {ApiframeFailures.Describe(options.JobTimeout)} ({last}).{apiTrouble}")
            {
                JobId = jobId,
                RequestId = lastProblem?.RequestId,
            });
        }

        ApiframeResult<CompletedJob> Fail(ApiframeFailure failure)
        {
            SeedreamLog.CallFailed(logger, "poll", failure.Kind, failure.StatusCode, failure.RequestId, jobId, failure.Message);
            return failure;
        }
    }

    internal TimeSpan NextDelay(TimeSpan delay)
    {
        if (options.WebhooksEnabled && updates is not null)
        {
            // Webhooks tell of the end; polls only catch one that never came.
            return options.WebhookPollInterval;
        }

        var grown = TimeSpan.FromTicks((long)(delay.Ticks * Backoff));
        return grown < options.MaxPollInterval ? grown : options.MaxPollInterval;
    }

    private void Noticed(JobBody job, string source)
    {
        if (metrics is not null
            && DateTimeOffset.TryParse(job.CompletedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var completedAt))
        {
            metrics.JobNoticed(source, time.GetUtcNow() - completedAt);
        }
    }

    private ApiframeResult<CompletedJob> Finish(string jobId, JobStatus status, JobBody job, ApiframeResponse? response, int attempt)
    {
        ApiframeFailure failure;
        switch (status)
        {
            case JobStatus.Completed when job.Expired == true:
                failure = new ApiframeFailure(
                    ApiframeFailureKind.ResultExpired,
                    "The image was made, but Apiframe has already deleted it from its CDN.");
                break;
            case JobStatus.Completed:
                var urls = JobResultParser.ImageUrls(job.Result);
                if (urls.Count > 0)
                {
                    SeedreamLog.Completed(logger, jobId, urls.Count, job.CreditCost, attempt);
                    return ApiframeResult<CompletedJob>.Success(new CompletedJob(jobId, urls, job.CreditCost));
                }

                failure = new ApiframeFailure(
                    ApiframeFailureKind.NoImages, "Apiframe finished the job but returned no image.");
                break;
            case JobStatus.Failed:
                // The provider's own reason (e.g. a content policy refusal) is what the member needs to see.
                failure = new ApiframeFailure(
                    ApiframeFailureKind.JobFailed,
                    ApiframeFailures.Clean(job.Error, options.ApiKey) ?? "Apiframe reported the job as failed without giving a reason.");
                break;
            default:
                failure = new ApiframeFailure(
                    ApiframeFailureKind.JobCancelled, "The job was cancelled at Apiframe before it finished.");
                break;
        }

        failure = failure with
        {
            JobId = jobId,
            StatusCode = response is null ? null : (int)response.StatusCode,
            RequestId = response?.RequestId,
            CreditCost = job.CreditCost,
        };
        SeedreamLog.CallFailed(logger, "poll", failure.Kind, failure.StatusCode, failure.RequestId, jobId, failure.Message);
        return failure;
    }

    private static int PercentOf(JobBody job, JobStatus status, JobProgress? reported)
    {
        if (status == JobStatus.Completed)
        {
            return 100;
        }

        var raw = job.Progress is { } value && double.IsFinite(value) ? (int)Math.Clamp(Math.Round(value), 0, 100) : (int?)null;
        var previous = reported is { } last && last.Status == status ? last.Percent : 0;

        // Progress only moves forward for one status, so a late or out-of-order value never makes the bar jump back.
        return Math.Max(raw ?? previous, previous);
    }

    private static JobBody? ParseJob(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ApiframeJsonContext.Default.JobBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
