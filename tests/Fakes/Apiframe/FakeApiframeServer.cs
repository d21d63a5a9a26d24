using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Fakes.Contracts;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// An in-process Apiframe v2 on Kestrel at 127.0.0.1 (random port): generate, job status, job list, account and a CDN
/// serving real PNG/JPEG bytes, with Apiframe's auth, validation, credits, idempotency and status machine, plus test
/// controls (manual stepping, planned outcomes, fault injection) and observation (recorded requests, counters,
/// WaitFor… helpers). Start with <see cref="StartAsync"/>; point a client at <see cref="BaseUrl"/> with <see cref="ApiKey"/>.
/// Every request body is checked against Apiframe's OpenAPI document and validation; disposing the fake after a
/// violation throws, so the test whose code sent it fails.
/// </summary>
public sealed class FakeApiframeServer : IAsyncDisposable
{
    /// <summary>How long WaitFor… helpers wait when no timeout is given: a safety net, not a timing assertion.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    private readonly FakeApiframeState _state;
    private readonly CancellationTokenSource _stopping = new();
    private readonly FakeContractLog _contractLog = new();
    private OpenApiDocument? _contract;
    private WebApplication? _app;

    private FakeApiframeServer(FakeApiframeOptions options)
    {
        Options = options;
        _state = new FakeApiframeState(options);
    }

    public FakeApiframeOptions Options { get; }

    /// <summary>The root URL, ending in '/', e.g. <c>http://127.0.0.1:41234/</c> (use it as the client's BaseUrl).</summary>
    public Uri BaseUrl => _state.BaseUrl;

    /// <summary>A valid, active key (the first of <see cref="FakeApiframeOptions.ApiKeys"/>).</summary>
    public string ApiKey => Options.ApiKeys[0];

    public TimeProvider TimeProvider => _state.Time;

    public long TeamCredits
    {
        get => _state.TeamCredits;
        set => _state.TeamCredits = value;
    }

    /// <summary>Applies to jobs created from now on.</summary>
    public FakeJobMode Mode
    {
        get => _state.Mode;
        set => _state.Mode = value;
    }

    public TimeSpan JobDuration
    {
        get => _state.JobDuration;
        set => _state.JobDuration = value;
    }

    /// <summary>Approximate result image size for jobs created from now on; 0 = small 64×64 image.</summary>
    public int ResultImageBytes
    {
        get => _state.ResultImageBytes;
        set => _state.ResultImageBytes = value;
    }

    /// <summary>Result shape for jobs created from now on (unless a plan says otherwise).</summary>
    public FakeResultShape ResultShape
    {
        get => _state.ResultShape;
        set => _state.ResultShape = value;
    }

    /// <summary>Results are photographic-like PNGs of Seedream's real pixel sizes (for jobs created from now on).</summary>
    public bool PhotoResults
    {
        get => _state.PhotoResults;
        set => _state.PhotoResults = value;
    }

    /// <summary>Every file received on <c>POST /v2/uploads</c>, oldest first (expired ones included).</summary>
    public IReadOnlyList<FakeUploadedFile> Uploads => _state.Uploads();

    public int GenerateCalls => _state.GenerateCalls;

    public int JobsCreated => _state.JobsCreated;

    /// <summary>Requests to the CDN route (whatever they were answered).</summary>
    public int CdnDownloads => _state.CdnDownloads;

    public IReadOnlyList<FakeRecordedRequest> Requests => _state.Requests();

    public IReadOnlyList<FakeJobSnapshot> Jobs => _state.Jobs();

    /// <summary>Whether request bodies are validated against Apiframe's OpenAPI document (../shared is present).</summary>
    public bool ChecksOpenApiContract => _contract is not null;

    /// <summary>Request bodies checked against the contract so far.</summary>
    public int ContractChecks => _contractLog.Checks;

    /// <summary>Violations of Apiframe's contract seen so far (checks still running are not awaited).</summary>
    public IReadOnlyList<string> ContractViolations => _contractLog.Violations;

    /// <summary>
    /// Waits for the checks of every request received so far, then returns their violations and forgets them, so that
    /// a test that sends a bad body on purpose can assert on it without failing at dispose.
    /// </summary>
    public Task<IReadOnlyList<string>> TakeContractViolationsAsync() => _contractLog.TakeAsync();

    /// <summary>How webhooks are delivered (drops, duplicates, reordering, delay); faithful by default.</summary>
    public FakeWebhookSettings Webhooks => _state.Webhooks.Settings;

    /// <summary>Every webhook event raised so far, in order, with what became of it.</summary>
    public IReadOnlyList<FakeWebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries();

    public static async Task<FakeApiframeServer> StartAsync(FakeApiframeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeApiframeServer(options ?? new FakeApiframeOptions());
        try
        {
            await server.ListenAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Settings that point the bot's <c>Apiframe</c> configuration section at this fake, with polling and retry
    /// intervals in milliseconds so end-to-end tests run fast. The fake's CDN is on loopback over http, which the bot
    /// refuses for results unless its origin is listed explicitly: that is what <c>ResultHosts</c> does here. Add them
    /// to a configuration builder.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ClientConfiguration() => new Dictionary<string, string?>
    {
        ["Apiframe:ApiKey"] = ApiKey,
        ["Apiframe:BaseUrl"] = BaseUrl.AbsoluteUri,
        ["Apiframe:ResultHosts:0"] = BaseUrl.GetLeftPart(UriPartial.Authority),
        ["Apiframe:PollInterval"] = "00:00:00.020",
        ["Apiframe:MaxPollInterval"] = "00:00:00.100",
        ["Apiframe:RetryBaseDelay"] = "00:00:00.010",
    };

    // ---- control -----------------------------------------------------------------------------------------------------

    /// <summary>The next <paramref name="count"/> jobs created follow <paramref name="plan"/> (queued in order).</summary>
    public void PlanNextJobs(FakeJobPlan plan, int count = 1) => _state.PlanNextJobs(plan, count);

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> get <paramref name="fault"/>.</summary>
    public void InjectFault(FakeRoute route, FakeFault fault, int times = 1) => _state.InjectFault(route, fault, times);

    public void ClearFaults() => _state.ClearFaults();

    public FakeJobSnapshot GetJob(string jobId) =>
        _state.FindJob(jobId) ?? throw new KeyNotFoundException($"The fake Apiframe has no job {jobId}.");

    /// <summary>QUEUED → PROCESSING at <paramref name="progressStep"/>%, then +step each call, COMPLETED at 100. Takes the job over from automatic mode.</summary>
    public FakeJobSnapshot StepJob(string jobId, int progressStep = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(progressStep);
        _state.WaitForInputs(jobId);
        return _state.Control(jobId, (job, now) =>
        {
            job.Automatic = false;
            if (job.IsTerminal)
            {
                return;
            }

            var next = job.Status == FakeJob.Queued ? progressStep : (job.Progress ?? 0) + progressStep;
            if (next >= 100)
            {
                job.Complete(now, _state.Refund);
            }
            else
            {
                job.Status = FakeJob.Processing;
                job.Progress = next;
            }
        });
    }

    /// <summary>PROCESSING at <paramref name="percent"/>. Takes the job over from automatic mode.</summary>
    public FakeJobSnapshot SetProgress(string jobId, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 99);
        return _state.Control(jobId, (job, _) =>
        {
            ThrowIfTerminal(job);
            job.Automatic = false;
            job.Status = FakeJob.Processing;
            job.Progress = percent;
        });
    }

    /// <summary>COMPLETED, or FAILED when an input could not be fetched (as the real service would).</summary>
    public FakeJobSnapshot CompleteJob(string jobId, FakeResultShape? shape = null)
    {
        _state.WaitForInputs(jobId);
        return _state.Control(jobId, (job, now) =>
        {
            ThrowIfTerminal(job);
            job.Automatic = false;
            job.ResultShape = shape ?? job.ResultShape;
            job.Complete(now, _state.Refund);
        });
    }

    /// <summary>
    /// FAILED with <paramref name="reason"/> as <c>error</c>; credits are refunded and <c>creditCost</c> becomes 0 —
    /// unless <paramref name="billed"/>: then the job keeps its <c>creditCost</c> and the team is not refunded (a
    /// provider failure Apiframe still charges for).
    /// </summary>
    public FakeJobSnapshot FailJob(string jobId, string reason = FakeJobPlan.ContentPolicyReason, bool billed = false) =>
        _state.Control(jobId, (job, now) =>
        {
            ThrowIfTerminal(job);
            job.Automatic = false;
            job.Fail(reason, now, billed ? _ => { } : _state.Refund);
        });

    /// <summary>CANCELLED (there is no cancel endpoint; this is the operator side). Credits are refunded.</summary>
    public FakeJobSnapshot CancelJob(string jobId) =>
        _state.Control(jobId, (job, now) =>
        {
            ThrowIfTerminal(job);
            job.Automatic = false;
            job.Cancel(now, _state.Refund);
        });

    /// <summary>Freezes the job where it is (a stuck job); automatic mode no longer moves it.</summary>
    public FakeJobSnapshot HoldJob(string jobId) => _state.Control(jobId, (job, _) => job.Held = true);

    /// <summary>Lets automatic mode move a held job again (it catches up with its age at once).</summary>
    public FakeJobSnapshot ReleaseJob(string jobId) => _state.Control(jobId, (job, _) => job.Held = false);

    /// <summary>Marks the job's CDN assets purged: <c>expired: true</c>, and its image URLs answer 404.</summary>
    public FakeJobSnapshot ExpireJob(string jobId) => _state.Control(jobId, (job, _) => job.Expired = true);

    public Uri ImageUrl(string jobId, int index = 1)
    {
        var job = GetJob(jobId);
        var extension = job.ImageUrls.Count > 0 ? Path.GetExtension(job.ImageUrls[0].AbsolutePath).TrimStart('.') : "png";
        return new Uri(BaseUrl, $"cdn/images/{jobId}-{index}.{extension}");
    }

    // ---- observation ---------------------------------------------------------------------------------------------

    public IReadOnlyList<FakeRecordedRequest> RequestsTo(FakeRoute route) => [.. Requests.Where(r => r.Route == route)];

    /// <summary>GET /v2/jobs/{id} requests for this job so far.</summary>
    public int PollCount(string jobId) => _state.PollCount(jobId);

    public Task<FakeRecordedRequest> WaitForRequestAsync(
        Func<FakeRecordedRequest, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _state.Signal.WaitAsync(
            () => _state.Requests().FirstOrDefault(match),
            timeout ?? DefaultWaitTimeout,
            () => $"no matching request among {DescribeRequests()}",
            cancellationToken);
    }

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="route"/> have arrived; returns them.</summary>
    public async Task<IReadOnlyList<FakeRecordedRequest>> WaitForRequestsAsync(
        FakeRoute route, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var found = await _state.Signal.WaitAsync(
            () =>
            {
                var matching = _state.Requests().Where(r => r.Route == route).ToList();
                return matching.Count >= count ? matching : null;
            },
            timeout ?? DefaultWaitTimeout,
            () => $"wanted {count} {route} request(s) among {DescribeRequests()}",
            cancellationToken);
        return found;
    }

    public Task<FakeJobSnapshot> WaitForJobAsync(
        Func<FakeJobSnapshot, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.Jobs().FirstOrDefault(match ?? (_ => true)),
            timeout ?? DefaultWaitTimeout,
            () => $"no matching job among [{string.Join(", ", _state.Jobs().Select(j => $"{j.Id} {j.Status} {j.Progress}%"))}]",
            cancellationToken);

    public Task WaitForJobsCreatedAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.JobsCreated >= count ? string.Empty : null,
            timeout ?? DefaultWaitTimeout,
            () => $"wanted {count} job(s), have {_state.JobsCreated}",
            cancellationToken);

    public Task WaitForPollsAsync(string jobId, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.PollCount(jobId) >= count ? string.Empty : null,
            timeout ?? DefaultWaitTimeout,
            () => $"wanted {count} poll(s) of {jobId}, have {_state.PollCount(jobId)}",
            cancellationToken);

    /// <summary>Waits for a webhook delivery matching <paramref name="match"/> (e.g. one the receiver has answered).</summary>
    public Task<FakeWebhookDelivery> WaitForWebhookAsync(
        Func<FakeWebhookDelivery, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _state.Signal.WaitAsync(
            () => _state.Webhooks.Deliveries().FirstOrDefault(match),
            timeout ?? DefaultWaitTimeout,
            () => $"no matching webhook among [{string.Join(", ", _state.Webhooks.Deliveries().TakeLast(20))}]",
            cancellationToken);
    }

    /// <exception cref="FakeContractViolationException">A request broke Apiframe's contract and no test took it.</exception>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _state.StopWebhooks();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
        await _contractLog.ThrowIfViolatedAsync("The fake Apiframe");
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeApiframeServer).Assembly.GetName().Name,
            EnvironmentName = "FakeApiframe",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        _app = builder.Build();
        _contract = Options.CheckContract ? await OpenApiDocument.ApiframeIfPresentAsync() : null;
        var endpoints = new FakeApiframeEndpoints(_state, _contract, Options.CheckContract ? _contractLog : null, _stopping.Token);
        _app.Run(endpoints.HandleAsync);
        await _app.StartAsync(cancellationToken);

        var address = _app.Urls.First();
        _state.BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    private string DescribeRequests()
    {
        var requests = _state.Requests();
        return requests.Count == 0 ? "no requests" : $"[{string.Join(", ", requests.TakeLast(20))}]";
    }

    private static void ThrowIfTerminal(FakeJob job)
    {
        if (job.IsTerminal)
        {
            throw new InvalidOperationException($"Job {job.Id} already ended as {job.Status}.");
        }
    }
}
