namespace SeedreamBot.Core.Seedream;

/// <summary>Every distinct way an Apiframe call or job can end without an image.</summary>
public enum ApiframeFailureKind
{
    /// <summary>400: the request failed Apiframe's validation (see <see cref="ApiframeFailure.Details"/>).</summary>
    InvalidRequest,

    /// <summary>401/403: the API key is missing, invalid or inactive. An operator problem.</summary>
    Unauthorized,

    /// <summary>402: the Apiframe team is out of credits. An operator problem.</summary>
    InsufficientCredits,

    /// <summary>429 that did not clear within the retry budget.</summary>
    RateLimited,

    /// <summary>5xx, network failure or HTTP timeout that did not clear within the retry budget.</summary>
    Unavailable,

    /// <summary>409: the idempotency key was replayed with a different body.</summary>
    Conflict,

    /// <summary>404 on a job id: unknown or owned by another key.</summary>
    JobNotFound,

    /// <summary>The job ended FAILED; <see cref="ApiframeFailure.Message"/> carries the provider's reason.</summary>
    JobFailed,

    /// <summary>The job ended CANCELLED.</summary>
    JobCancelled,

    /// <summary>The job ended COMPLETED but without any image URL.</summary>
    NoImages,

    /// <summary>The job did not finish within the configured job timeout.</summary>
    TimedOut,

    /// <summary>The result's CDN asset is gone (404/410, or the job says <c>expired</c>).</summary>
    ResultExpired,

    /// <summary>The result is larger than the byte cap the caller gave.</summary>
    ResultTooLarge,

    /// <summary>The result URL did not serve an image content type.</summary>
    ResultNotImage,
}
