using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// <see cref="ISeedreamClient"/> over Apiframe v2. Submission and account calls live here; polling and downloading
/// are <see cref="JobPoller"/> and <see cref="ResultDownloader"/>.
/// </summary>
internal sealed class SeedreamClient : ISeedreamClient
{
    private readonly ApiframeApi _api;
    private readonly ApiframeOptions _options;
    private readonly ILogger _logger;
    private readonly JobPoller _poller;
    private readonly ResultDownloader _downloader;

    public SeedreamClient(
        ApiframeApi api,
        ApiframeCdn cdn,
        IOptions<ApiframeOptions> options,
        TimeProvider time,
        ILogger<SeedreamClient> logger,
        ApiframeJobUpdates? updates = null,
        ApiframeMetrics? metrics = null)
    {
        _api = api;
        _options = options.Value;
        _logger = logger;
        _poller = new JobPoller(api, _options, time, logger, updates, metrics);
        _downloader = new ResultDownloader(cdn, _options, time, logger);
    }

    public async Task<ApiframeResult<SubmittedJob>> SubmitAsync(
        GenerationRequest request,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IdempotencyKeys.ThrowIfInvalid(idempotencyKey, nameof(idempotencyKey));

        var body = JsonSerializer.SerializeToUtf8Bytes(WithWebhook(ToBody(request)), ApiframeJsonContext.Default.GenerateImageBody);
        ApiframeResponse response;
        try
        {
            response = await _api.SubmitAsync(body, idempotencyKey, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && ApiframeFailures.FromException(exception, ApiframeOperation.Submit, null, _options.ApiKey) is { } failure)
        {
            return Fail("submit", failure);
        }

        if (!response.IsSuccess)
        {
            return Fail("submit", ApiframeFailures.FromResponse(response, ApiframeOperation.Submit, null, _options.ApiKey));
        }

        var accepted = Parse(response.Body, ApiframeJsonContext.Default.JobAcceptedBody);
        if (string.IsNullOrWhiteSpace(accepted?.JobId))
        {
            return Fail("submit", ApiframeFailures.UnexpectedBody(response, ApiframeOperation.Submit, null));
        }

        // A replay may carry the original job's later status; an unknown one is treated as "just queued".
        var status = JobStatuses.TryParse(accepted.Status, out var parsed) ? parsed : JobStatus.Queued;
        SeedreamLog.Submitted(_logger, accepted.JobId, status.ToWire(), idempotencyKey);
        return ApiframeResult<SubmittedJob>.Success(new SubmittedJob(accepted.JobId, status));
    }

    public Task<ApiframeResult<CompletedJob>> WaitForCompletionAsync(
        string jobId,
        IProgress<JobProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _poller.WaitAsync(jobId, progress, cancellationToken);
    }

    public Task<ApiframeResult<DownloadedImage>> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, maxBytes, cancellationToken);

    public async Task<ApiframeResult<UploadedFile>> UploadAsync(
        ReadOnlyMemory<byte> image,
        string fileName,
        string contentType,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ApiframeResponse response;
        try
        {
            response = await _api.UploadAsync(image, fileName, contentType, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && ApiframeFailures.FromException(exception, ApiframeOperation.Upload, null, _options.ApiKey) is { } failure)
        {
            return Fail("upload", failure);
        }

        if (!response.IsSuccess)
        {
            return Fail("upload", ApiframeFailures.FromResponse(response, ApiframeOperation.Upload, null, _options.ApiKey));
        }

        var upload = Parse(response.Body, ApiframeJsonContext.Default.UploadBody);
        if (upload?.Url is null || !Uri.TryCreate(upload.Url, UriKind.Absolute, out var url))
        {
            return Fail("upload", ApiframeFailures.UnexpectedBody(response, ApiframeOperation.Upload, null));
        }

        SeedreamLog.Uploaded(_logger, image.Length, url.Host, upload.ExpiresAt);
        return ApiframeResult<UploadedFile>.Success(new UploadedFile(url, upload.ExpiresAt));
    }

    public async Task<ApiframeResult<ApiframeAccount>> GetAccountAsync(CancellationToken cancellationToken)
    {
        ApiframeResponse response;
        try
        {
            response = await _api.GetMeAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && ApiframeFailures.FromException(exception, ApiframeOperation.Account, null, _options.ApiKey) is { } failure)
        {
            return Fail("account", failure);
        }

        if (!response.IsSuccess)
        {
            return Fail("account", ApiframeFailures.FromResponse(response, ApiframeOperation.Account, null, _options.ApiKey));
        }

        var me = Parse(response.Body, ApiframeJsonContext.Default.MeBody);
        if (me is null)
        {
            return Fail("account", ApiframeFailures.UnexpectedBody(response, ApiframeOperation.Account, null));
        }

        return ApiframeResult<ApiframeAccount>.Success(new ApiframeAccount(me.Team?.Credits, me.Team?.Name, me.Team?.Plan));
    }

    internal GenerateImageBody ToBody(GenerationRequest request) =>
        new(
            request.Prompt,
            _options.Model,
            new SeedreamParamsBody(
                request.Size.ToWire(),
                request.AspectRatio,
                request.Format.ToWire(),
                request.InputImageUrls.Count > 0 ? request.InputImageUrls : null));

    /// <summary>Every job-creating body goes through here: with webhooks on, it subscribes to all of the job's events.</summary>
    internal TBody WithWebhook<TBody>(TBody body)
        where TBody : JobSubmissionBody =>
        _options.WebhooksEnabled
            ? body with { WebhookUrl = _options.WebhookUrl!.Trim(), WebhookEvents = JobSubmissionBody.AllWebhookEvents }
            : body;

    private static T? Parse<T>(string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ApiframeFailure Fail(string operation, ApiframeFailure failure)
    {
        SeedreamLog.CallFailed(_logger, operation, failure.Kind, failure.StatusCode, failure.RequestId, failure.JobId, failure.Message);
        return failure;
    }
}
