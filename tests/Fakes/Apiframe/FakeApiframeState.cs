using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// Everything the fake Apiframe knows — team credits, jobs, idempotency keys, planned outcomes, faults, recorded
/// requests — and the route logic over it. Every member is thread-safe; the HTTP plumbing is in
/// <see cref="FakeApiframeEndpoints"/> and the public test API in <see cref="FakeApiframeServer"/>.
/// </summary>
internal sealed class FakeApiframeState(FakeApiframeOptions options)
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    private static readonly string[] Statuses = [FakeJob.Queued, FakeJob.Processing, FakeJob.Completed, FakeJob.Failed, FakeJob.Cancelled];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeJob> _jobOrder = [];
    private readonly Dictionary<(string ApiKey, string Key), (JsonNode Body, string JobId, DateTimeOffset At)> _idempotency = [];
    private readonly Queue<FakeJobPlan> _plans = new();
    private readonly Dictionary<FakeRoute, List<(FakeFault Fault, int Remaining)>> _faults = [];
    private readonly List<FakeRecordedRequest> _requests = [];
    private readonly HashSet<string> _apiKeys = new(options.ApiKeys, StringComparer.Ordinal);
    private readonly HashSet<string> _inactiveKeys = new(options.InactiveApiKeys, StringComparer.Ordinal);
    private readonly Dictionary<string, FakeUploadedFile> _uploads = new(StringComparer.OrdinalIgnoreCase);

    // What Apiframe's workers do with image_input: download each URL (following redirects) before generating.
    private readonly HttpClient _inputFetcher = new(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long _teamCredits = options.TeamCredits;
    private FakeJobMode _mode = options.Mode;
    private TimeSpan _jobDuration = options.JobDuration;
    private int _resultImageBytes = options.ResultImageBytes;
    private FakeResultShape _resultShape = options.ResultShape;
    private bool _photoResults = options.PhotoResults;
    private int _generateCalls;
    private int _jobsCreated;
    private int _cdnDownloads;
    private FakeWebhookSender? _webhooks;
    private object? _webhooksLock;
    private bool _webhooksCreated;

    public FakeSignal Signal { get; } = new();

    /// <summary>The webhook sender, made on first use (it needs the signal and this state).</summary>
    public FakeWebhookSender Webhooks =>
        LazyInitializer.EnsureInitialized(ref _webhooks, ref _webhooksCreated, ref _webhooksLock, () => new FakeWebhookSender(Time, Signal, WebhookEnded))!;

    public TimeProvider Time { get; } = options.TimeProvider;

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public long TeamCredits
    {
        get { lock (_gate) { return _teamCredits; } }
        set { lock (_gate) { _teamCredits = value; } }
    }

    public FakeJobMode Mode
    {
        get { lock (_gate) { return _mode; } }
        set { lock (_gate) { _mode = value; } }
    }

    public TimeSpan JobDuration
    {
        get { lock (_gate) { return _jobDuration; } }
        set { lock (_gate) { _jobDuration = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value)); } }
    }

    public int ResultImageBytes
    {
        get { lock (_gate) { return _resultImageBytes; } }
        set { lock (_gate) { _resultImageBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)); } }
    }

    public FakeResultShape ResultShape
    {
        get { lock (_gate) { return _resultShape; } }
        set { lock (_gate) { _resultShape = value; } }
    }

    public bool PhotoResults
    {
        get { lock (_gate) { return _photoResults; } }
        set { lock (_gate) { _photoResults = value; } }
    }

    public int GenerateCalls { get { lock (_gate) { return _generateCalls; } } }

    public int JobsCreated { get { lock (_gate) { return _jobsCreated; } } }

    public int CdnDownloads { get { lock (_gate) { return _cdnDownloads; } } }

    // ---- recording and faults ------------------------------------------------------------------------------------

    public FakeRecordedRequest Record(
        FakeRoute route, string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body, string requestId)
    {
        FakeRecordedRequest recorded;
        lock (_gate)
        {
            recorded = new FakeRecordedRequest(_requests.Count + 1, route, method, path, query, headers, body, Time.GetUtcNow(), requestId);
            _requests.Add(recorded);
            switch (route)
            {
                case FakeRoute.Generate:
                    _generateCalls++;
                    break;
                case FakeRoute.Cdn:
                    _cdnDownloads++;
                    break;
                case FakeRoute.GetJob when _jobs.TryGetValue(path[(path.LastIndexOf('/') + 1)..], out var job):
                    job.Polls++;
                    break;
            }
        }

        Signal.Pulse();
        return recorded;
    }

    public void Answered(FakeRecordedRequest request, int statusCode)
    {
        lock (_gate)
        {
            request.StatusCode = statusCode;
        }

        Signal.Pulse();
    }

    public void InjectFault(FakeRoute route, FakeFault fault, int times)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = [];
            }

            queue.Add((fault, times));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public FakeFault? TakeFault(FakeRoute route)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue) || queue.Count == 0)
            {
                return null;
            }

            var (fault, remaining) = queue[0];
            if (remaining <= 1)
            {
                queue.RemoveAt(0);
            }
            else
            {
                queue[0] = (fault, remaining - 1);
            }

            return fault;
        }
    }

    public void PlanNextJobs(FakeJobPlan plan, int count)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _plans.Enqueue(plan);
            }
        }
    }

    // ---- routes --------------------------------------------------------------------------------------------------

    /// <summary>The auth check of every /v2 route, with Apiframe's exact messages. Null means authenticated.</summary>
    public FakeResponse? Authenticate(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return FakeResponse.Error(401, "API key is required");
        }

        if (_inactiveKeys.Contains(apiKey))
        {
            return FakeResponse.Error(403, "API key is inactive");
        }

        return _apiKeys.Contains(apiKey) ? null : FakeResponse.Error(401, "Invalid API key");
    }

    public FakeResponse Generate(string apiKey, string? idempotencyKey, string body)
    {
        if (idempotencyKey is { Length: > 255 })
        {
            return FakeResponse.Validation(
                "Invalid Idempotency-Key header",
                new Dictionary<string, List<string>> { ["Idempotency-Key"] = ["String must contain at most 255 character(s)"] });
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            return FakeResponse.Validation(
                "Invalid JSON body", new Dictionary<string, List<string>> { ["body"] = [exception.Message] });
        }

        var errors = FakeGenerateValidator.Validate(json, options.StrictAspectRatios);
        if (errors.Count > 0)
        {
            return FakeResponse.Validation("Validation failed", errors);
        }

        var root = (JsonObject)json!;
        var model = FakeGenerateValidator.ModelOf(root)!;
        var cost = FakeGenerateValidator.CostByModel[model];
        var now = Time.GetUtcNow();

        FakeJob job;
        lock (_gate)
        {
            if (idempotencyKey is not null
                && _idempotency.TryGetValue((apiKey, idempotencyKey), out var original)
                && now - original.At < IdempotencyWindow)
            {
                if (!JsonNode.DeepEquals(original.Body, root))
                {
                    return FakeResponse.Error(409, "Idempotency-Key was already used with a different request body");
                }

                var replayed = _jobs[original.JobId];
                Advance(replayed, now);
                return Accepted(replayed.Id, replayed.AcceptedStatus);
            }

            if (_teamCredits < cost)
            {
                return InsufficientCredits(cost);
            }

            _teamCredits -= cost;
            var parameters = root["seedreamParams"] as JsonObject;
            var inputs = parameters?["image_input"] is JsonArray list ? list.Select(url => url!.GetValue<string>()).ToList() : [];
            var plan = _plans.Count > 0 ? _plans.Dequeue() : new FakeJobPlan();
            job = new FakeJob
            {
                Id = Guid.NewGuid().ToString(),
                OwnerKey = apiKey,
                Model = model,
                Prompt = root["prompt"]!.GetValue<string>(),
                Input = new JsonObject { ["prompt"] = root["prompt"]!.DeepClone(), ["seedreamParams"] = parameters?.DeepClone() },
                Extension = parameters?["output_format"]?.GetValue<string>() == "jpg" ? "jpg" : "png",
                IdempotencyKey = idempotencyKey,
                CreatedAt = now,
                Cost = cost,
                Plan = plan,
                ResultShape = plan.ResultShape ?? _resultShape,
                ImageBytes = _resultImageBytes,
                PhotoSize = _photoResults
                    ? SeedreamPixelSizes.For(parameters?["size"]?.GetValue<string>(), parameters?["aspect_ratio"]?.GetValue<string>())
                    : null,
                InputUrls = inputs,
                InputFetch = options.FetchInputs && inputs.Count > 0 ? FetchInputsAsync(inputs) : null,
                Automatic = _mode == FakeJobMode.Automatic,
                CreditCost = cost,
                WebhookUrl = FakeWebhookSubscription.UrlOf(root),
                WebhookEvents = FakeWebhookSubscription.EventsOf(root),
            };
            _jobs[job.Id] = job;
            ScheduleWebhookMoment(job, now);
            _jobOrder.Add(job);
            _jobsCreated++;
            if (idempotencyKey is not null)
            {
                _idempotency[(apiKey, idempotencyKey)] = (root.DeepClone(), job.Id, now);
            }
        }

        Signal.Pulse();
        return Accepted(job.Id, FakeJob.Queued);
    }

    public FakeResponse InsufficientCreditsNow()
    {
        lock (_gate)
        {
            return InsufficientCredits(FakeGenerateValidator.CostByModel["seedream-5-lite"]);
        }
    }

    public FakeResponse GetJob(string apiKey, string id)
    {
        if (!Guid.TryParse(id, out _))
        {
            return FakeResponse.Error(400, "Invalid job id: must be a UUID");
        }

        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job) || job.OwnerKey != apiKey)
            {
                return FakeResponse.Error(404, "Job not found");
            }

            Advance(job, Time.GetUtcNow());
            return FakeResponse.Ok(job.ToJson(BaseUrl));
        }
    }

    public FakeResponse ListJobs(string apiKey, IReadOnlyDictionary<string, string> query)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var status = query.GetValueOrDefault("status");
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors["status"] = ["Invalid enum value. Expected " + string.Join(" | ", Statuses.Select(s => $"'{s}'"))];
        }

        var limit = 20;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            errors["limit"] = ["Number must be between 1 and 100"];
        }

        var scope = query.GetValueOrDefault("scope") ?? "user";
        if (scope is not ("user" or "team"))
        {
            errors["scope"] = ["Invalid enum value. Expected 'user' | 'team'"];
        }

        var search = query.GetValueOrDefault("search");
        if (search is not null && !Guid.TryParse(search, out _))
        {
            errors["search"] = ["Invalid uuid"];
        }

        var includeModels = query.GetValueOrDefault("include_models") ?? "false";
        if (includeModels is not ("true" or "false"))
        {
            errors["include_models"] = ["Invalid enum value. Expected 'true' | 'false'"];
        }

        (DateTimeOffset CreatedAt, string Id)? after = null;
        if (query.TryGetValue("cursor", out var cursor))
        {
            after = DecodeCursor(cursor);
            if (after is null)
            {
                errors["cursor"] = ["Invalid cursor"];
            }
        }

        if (errors.Count > 0)
        {
            return FakeResponse.Validation("Invalid query parameters", errors);
        }

        var model = query.GetValueOrDefault("model");
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var visible = _jobOrder.Where(j => scope == "team" || j.OwnerKey == apiKey).ToList();
            foreach (var job in visible)
            {
                Advance(job, now);
            }

            var ordered = visible
                .Where(j => status is null || j.Status == status)
                .Where(j => model is null || j.Model == model)
                .Where(j => search is null || string.Equals(j.Id, search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(j => j.CreatedAt)
                .ThenByDescending(j => j.Id, StringComparer.Ordinal)
                .Where(j => after is not { } position
                            || j.CreatedAt < position.CreatedAt
                            || (j.CreatedAt == position.CreatedAt && string.CompareOrdinal(j.Id, position.Id) < 0))
                .Take(limit + 1)
                .ToList();
            var page = ordered.Take(limit).ToList();
            var hasMore = ordered.Count > limit;

            var result = new JsonObject
            {
                ["jobs"] = new JsonArray([.. page.Select(j => (JsonNode)j.ToJson(BaseUrl))]),
                ["nextCursor"] = hasMore ? EncodeCursor(page[^1]) : null,
                ["hasMore"] = hasMore,
            };
            if (includeModels == "true")
            {
                result["models"] = new JsonArray([.. visible.Select(j => j.Model).Distinct().Order(StringComparer.Ordinal).Select(m => (JsonNode)JsonValue.Create(m))]);
            }

            return FakeResponse.Ok(result);
        }
    }

    public FakeResponse Me(string apiKey)
    {
        lock (_gate)
        {
            return FakeResponse.Ok(new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = StableGuid("user:" + apiKey),
                    ["email"] = "owner@fake-apiframe.test",
                    ["role"] = "OWNER",
                },
                ["team"] = new JsonObject
                {
                    ["id"] = StableGuid("team"),
                    ["name"] = "Fake Team",
                    ["credits"] = _teamCredits,
                    ["plan"] = "pro",
                    ["customerId"] = null,
                },
                ["apiKey"] = new JsonObject
                {
                    ["id"] = StableGuid("key:" + apiKey),
                    ["name"] = "Fake key",
                    ["prefix"] = apiKey[..Math.Min(8, apiKey.Length)],
                },
            });
        }
    }

    /// <summary>The CDN: <c>{jobId}-{n}.{ext}</c> of a COMPLETED, unexpired job, as real image bytes.</summary>
    public FakeResponse Cdn(string fileName)
    {
        var dash = fileName.LastIndexOf('-');
        var dot = fileName.LastIndexOf('.');
        if (dash <= 0 || dot < dash)
        {
            return FakeResponse.Error(404, "Not found");
        }

        var id = fileName[..dash];
        var extension = fileName[(dot + 1)..];
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                return FakeResponse.Error(404, "Not found");
            }

            Advance(job, Time.GetUtcNow());
            if (job.Status != FakeJob.Completed || job.Expired || job.ResultShape == FakeResultShape.EmptyImages
                || fileName[(dash + 1)..dot] != "1" || extension != job.Extension)
            {
                return FakeResponse.Error(404, "Not found");
            }

            return new FakeResponse(200) { Bytes = job.Image(), ContentType = job.Extension == "jpg" ? "image/jpeg" : "image/png" };
        }
    }

    /// <summary>
    /// <c>POST /v2/uploads</c>: one multipart <c>file</c>, at most 25 MB, type sniffed from the bytes (the declared
    /// content type is ignored); 201 with the <c>Upload</c> document. The file lives <see cref="FakeApiframeOptions.UploadLifetime"/>.
    /// </summary>
    public FakeResponse Upload(bool hasFilePart, byte[]? content)
    {
        if (!hasFilePart || content is null || content.Length == 0)
        {
            return FakeResponse.Validation("No file uploaded", new Dictionary<string, List<string>> { ["file"] = ["Required"] });
        }

        if (content.Length > FakeUploadedFile.MaxImageBytes)
        {
            return FakeResponse.Validation(
                "File too large", new Dictionary<string, List<string>> { ["file"] = ["Images may be at most 25 MB"] });
        }

        if (FakeUploadedFile.Sniff(content) is not var (contentType, extension))
        {
            return FakeResponse.Validation(
                "Unsupported file type",
                new Dictionary<string, List<string>> { ["file"] = ["Expected PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG or M4A"] });
        }

        var now = Time.GetUtcNow();
        var upload = new FakeUploadedFile(Guid.NewGuid().ToString(), content, contentType, extension, now, now + options.UploadLifetime);
        lock (_gate)
        {
            _uploads[upload.Id] = upload;
        }

        Signal.Pulse();
        return FakeResponse.Ok(
            new JsonObject
            {
                ["id"] = upload.Id,
                ["url"] = new Uri(BaseUrl, $"cdn/uploads/{upload.Id}.{extension}").AbsoluteUri,
                ["kind"] = "image",
                ["contentType"] = contentType,
                ["byteSize"] = content.Length,
                ["expiresAt"] = upload.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            201);
    }

    /// <summary>An uploaded file while it lives; 404 once the cleanup worker would have reaped it.</summary>
    public FakeResponse UploadedFile(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var id = dot > 0 ? fileName[..dot] : fileName;
        lock (_gate)
        {
            if (!_uploads.TryGetValue(id, out var upload) || Time.GetUtcNow() >= upload.ExpiresAt
                || !string.Equals(fileName[(dot + 1)..], upload.Extension, StringComparison.Ordinal))
            {
                return FakeResponse.Error(404, "Not found");
            }

            return new FakeResponse(200) { Bytes = upload.Content, ContentType = upload.ContentType };
        }
    }

    public IReadOnlyList<FakeUploadedFile> Uploads()
    {
        lock (_gate)
        {
            return [.. _uploads.Values.OrderBy(u => u.CreatedAt)];
        }
    }

    // ---- test control ----------------------------------------------------------------------------------------------

    public FakeJobSnapshot Control(string jobId, Action<FakeJob, DateTimeOffset> change)
    {
        FakeJobSnapshot snapshot;
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                throw new KeyNotFoundException($"The fake Apiframe has no job {jobId}.");
            }

            var now = Time.GetUtcNow();
            Advance(job, now);
            change(job, now);
            NotifyWebhook(job, now);
            ScheduleWebhookMoment(job, now);
            snapshot = job.ToSnapshot(BaseUrl);
        }

        Signal.Pulse();
        return snapshot;
    }

    public void Refund(FakeJob job)
    {
        // Called under the lock, from FakeJob's own transitions.
        if (job.CreditCost is > 0)
        {
            _teamCredits += job.Cost;
        }

        job.CreditCost = 0;
    }

    public IReadOnlyList<FakeJobSnapshot> Jobs()
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            return [.. _jobOrder.Select(j =>
            {
                Advance(j, now);
                return j.ToSnapshot(BaseUrl);
            })];
        }
    }

    public FakeJobSnapshot? FindJob(string jobId)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return null;
            }

            Advance(job, Time.GetUtcNow());
            return job.ToSnapshot(BaseUrl);
        }
    }

    public IReadOnlyList<FakeRecordedRequest> Requests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public int PollCount(string jobId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job.Polls : 0;
        }
    }

    private void Advance(FakeJob job, DateTimeOffset now)
    {
        job.Advance(now, _jobDuration, options.ResultLifetime, Refund);
        NotifyWebhook(job, now);
    }

    /// <summary>Stops the webhook timers and the sender (the server is going away).</summary>
    public void StopWebhooks()
    {
        lock (_gate)
        {
            foreach (var job in _jobOrder)
            {
                job.WebhookTimer?.Dispose();
                job.WebhookTimer = null;
            }
        }

        _webhooks?.Dispose();
    }

    // Under the lock. Raises the event a job's change calls for, if it asked for webhooks: progress when it starts
    // processing and at each further quarter (every change for a job a test moves by hand), completed, failed.
    private void NotifyWebhook(FakeJob job, DateTimeOffset now)
    {
        if (job.WebhookUrl is not { } url)
        {
            return;
        }

        var (status, progress) = (job.Status, job.Progress);
        var (lastStatus, lastProgress) = job.Notified;
        if (status == lastStatus && progress == lastProgress)
        {
            return;
        }

        string @event;
        switch (status)
        {
            case FakeJob.Processing:
                var moved = lastStatus != FakeJob.Processing
                            || (job.Automatic ? (progress ?? 0) / 25 > (lastProgress ?? 0) / 25 : progress != lastProgress);
                if (!moved)
                {
                    return;
                }

                @event = "progress";
                break;
            case FakeJob.Completed:
                @event = "completed";
                break;
            case FakeJob.Failed:
                @event = "failed";
                break;
            default:
                // QUEUED has no event; CANCELLED has none documented.
                job.Notified = (status, progress);
                return;
        }

        job.Notified = (status, progress);
        if (!job.WebhookEvents.Contains(@event, StringComparer.Ordinal))
        {
            return;
        }

        if (@event != "progress")
        {
            job.WebhookStatus = "pending";
        }

        Webhooks.Raise(url, job.OwnerKey, new FakeWebhookEvent(job.Id, @event, status, progress), job.WebhookPayload(@event, BaseUrl), now);
    }

    // Under the lock. An automatic job moves only when someone looks at it; one with webhooks is looked at on a timer at
    // each moment its events are due, as Apiframe's own worker would report them.
    private void ScheduleWebhookMoment(FakeJob job, DateTimeOffset now)
    {
        job.WebhookTimer?.Dispose();
        job.WebhookTimer = null;
        if (job.WebhookUrl is null || job.Held || job.NextWebhookMoment(now, _jobDuration) is not { } due)
        {
            return;
        }

        job.WebhookTimer = Time.CreateTimer(_ => WebhookMomentDue(job), null, due - now, Timeout.InfiniteTimeSpan);
    }

    private void WebhookMomentDue(FakeJob job)
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            Advance(job, now);
            ScheduleWebhookMoment(job, now);
        }

        Signal.Pulse();
    }

    private void WebhookEnded(string jobId, bool delivered)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out var job))
            {
                job.WebhookStatus = delivered ? "delivered" : "failed";
            }
        }

        Signal.Pulse();
    }

    /// <summary>Waits until the job's inputs are fetched, so a test's manual transition sees the outcome.</summary>
    public void WaitForInputs(string jobId)
    {
        Task<string?>? fetch;
        lock (_gate)
        {
            fetch = _jobs.TryGetValue(jobId, out var job) ? job.InputFetch : null;
        }

        fetch?.Wait(TimeSpan.FromSeconds(30));
    }

    /// <summary>Downloads every input; the first one that fails names the job's error, as a provider failure would.</summary>
    private async Task<string?> FetchInputsAsync(IReadOnlyList<string> urls)
    {
        for (var i = 0; i < urls.Count; i++)
        {
            try
            {
                using var response = await _inputFetcher.GetAsync(urls[i]).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"Provider returned an error: could not download image_input[{i}] (HTTP {(int)response.StatusCode})");
                }

                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (FakeUploadedFile.Sniff(bytes) is null)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"Provider returned an error: image_input[{i}] is not a supported image");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Provider returned an error: could not download image_input[{i}] ({exception.GetType().Name})");
            }
            finally
            {
                Signal.Pulse();
            }
        }

        return null;
    }

    private FakeResponse InsufficientCredits(int cost) =>
        new(402)
        {
            Json = new JsonObject
            {
                ["error"] = "Insufficient credits",
                ["creditsRequired"] = cost,
                ["creditsAvailable"] = Math.Max(0, _teamCredits),
            },
        };

    private static FakeResponse Accepted(string jobId, string status) =>
        FakeResponse.Ok(new JsonObject { ["jobId"] = jobId, ["status"] = status }, 202);

    private static string EncodeCursor(FakeJob job) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{{\"t\":{job.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)},\"id\":\"{job.Id}\"}}"));

    private static (DateTimeOffset, string)? DecodeCursor(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var ticks = document.RootElement.GetProperty("t").GetInt64();
            var id = document.RootElement.GetProperty("id").GetString();
            return id is null ? null : (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException
                                              or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string StableGuid(string seed) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString();
}
