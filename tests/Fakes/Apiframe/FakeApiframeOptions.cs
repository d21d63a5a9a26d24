namespace SeedreamBot.Fakes.Apiframe;

/// <summary>Start-up settings of <see cref="FakeApiframeServer"/>. Most can be changed later on the server.</summary>
public sealed class FakeApiframeOptions
{
    public const string DefaultApiKey = "afk_fake_5e3d0c1f2a4b6789";

    /// <summary>Keys that authenticate (each is its own user in one team). The first is <see cref="FakeApiframeServer.ApiKey"/>.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [DefaultApiKey];

    /// <summary>Keys that exist but are deactivated: 403 <c>API key is inactive</c>.</summary>
    public IReadOnlyList<string> InactiveApiKeys { get; init; } = [];

    public long TeamCredits { get; init; } = 1000;

    public FakeJobMode Mode { get; init; } = FakeJobMode.Automatic;

    /// <summary>Time from submission to the end state of an automatic job.</summary>
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Drives automatic jobs, timestamps and idempotency expiry. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Result image size: a PNG of at most this many bytes (and within 1.5 KB of it), a JPEG padded to about it; 0 means a small 64×64 image.</summary>
    public int ResultImageBytes { get; init; }

    public FakeResultShape ResultShape { get; init; } = FakeResultShape.Images;

    /// <summary>
    /// Results are photographic-like PNGs (<see cref="FakePhoto"/>) of the pixel size Seedream gives the requested size and
    /// aspect ratio (3K 16:9 is 4096 × 2304, about 18 MB), instead of <see cref="ResultImageBytes"/>-sized noise.
    /// </summary>
    public bool PhotoResults { get; init; }

    /// <summary>How long a result stays on the CDN after the job completed (OpenAPI: 24 h by default); then it answers 404 and the job says <c>expired</c>.</summary>
    public TimeSpan ResultLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a <c>POST /v2/uploads</c> file lives (Apiframe: about 1–2 hours).</summary>
    public TimeSpan UploadLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Fetch every <c>image_input</c> URL when a job is created, as the real service must, and fail the job when one
    /// cannot be fetched or is not an image.
    /// </summary>
    public bool FetchInputs { get; init; } = true;

    /// <summary>Reject aspect ratios outside the eight upstream ones and match_input_image (unknown on the real API).</summary>
    public bool StrictAspectRatios { get; init; }

    /// <summary>
    /// Check every request body against Apiframe's OpenAPI document (when ../shared is present) and its validation,
    /// and fail at dispose on a violation. Only benchmarks turn it off, to measure the bot and not the check.
    /// </summary>
    public bool CheckContract { get; init; } = true;
}
