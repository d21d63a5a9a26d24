using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The Apiframe v2 calls the bot makes for Seedream 5 Lite. Every failure comes back as an
/// <see cref="ApiframeFailure"/> the bot can explain; exceptions are reserved for cancellation and bugs.
/// </summary>
public interface ISeedreamClient
{
    /// <summary>
    /// <c>POST /v2/images/generate</c>. The same <paramref name="idempotencyKey"/> for the same request always
    /// yields the same job, so retries (and resubmission after a restart) never pay twice.
    /// </summary>
    Task<ApiframeResult<SubmittedJob>> SubmitAsync(
        GenerationRequest request,
        string idempotencyKey,
        CancellationToken cancellationToken);

    /// <summary>
    /// Polls <c>GET /v2/jobs/{id}</c> until the job ends or the configured job timeout passes, reporting progress
    /// (0–100) to <paramref name="progress"/> whenever it changes.
    /// </summary>
    Task<ApiframeResult<CompletedJob>> WaitForCompletionAsync(
        string jobId,
        IProgress<JobProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /v2/uploads</c>: puts an image on Apiframe's short-lived storage (about 1–2 hours) and returns a URL
    /// Apiframe accepts as an input; how the bot passes its own copy of an input whose Discord link has expired.
    /// </summary>
    Task<ApiframeResult<UploadedFile>> UploadAsync(
        ReadOnlyMemory<byte> image,
        string fileName,
        string contentType,
        CancellationToken cancellationToken);

    /// <summary>
    /// Streams a result image into memory, refusing more than <paramref name="maxBytes"/> bytes, from an https URL on
    /// <c>Apiframe:ResultHosts</c> only (no redirect to another host, no private address); the bytes must be an image.
    /// </summary>
    Task<ApiframeResult<DownloadedImage>> DownloadAsync(
        Uri url,
        long maxBytes,
        CancellationToken cancellationToken);

    /// <summary><c>GET /v2/me</c>: the team's remaining Apiframe credits.</summary>
    Task<ApiframeResult<ApiframeAccount>> GetAccountAsync(CancellationToken cancellationToken);
}
