namespace SeedreamBot.Fakes.Apiframe;

/// <summary>The fake's routes, for recording requests and aiming faults.</summary>
public enum FakeRoute
{
    /// <summary><c>POST /v2/images/generate</c>.</summary>
    Generate,

    /// <summary><c>GET /v2/jobs/{id}</c>.</summary>
    GetJob,

    /// <summary><c>GET /v2/jobs</c>.</summary>
    ListJobs,

    /// <summary><c>GET /v2/me</c>.</summary>
    Me,

    /// <summary><c>GET /cdn/images/{jobId}-{n}.{ext}</c>.</summary>
    Cdn,

    /// <summary><c>POST /v2/uploads</c>.</summary>
    Upload,

    /// <summary><c>GET /cdn/uploads/{id}.{ext}</c>: a file uploaded through <see cref="Upload"/>.</summary>
    UploadedFile,

    /// <summary>Anything else.</summary>
    Other,
}
