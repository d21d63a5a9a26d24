using System.Globalization;
using Microsoft.AspNetCore.Http;
using SeedreamBot.Fakes.Contracts;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// The HTTP side of the fake: records each request, applies an injected fault if one is due, authenticates /v2
/// routes, dispatches to <see cref="FakeApiframeState"/> and writes the answer with an <c>x-request-id</c>. Request
/// bodies are checked against Apiframe's contract when <paramref name="contractLog"/> is given.
/// </summary>
internal sealed class FakeApiframeEndpoints(FakeApiframeState state, OpenApiDocument? contract, FakeContractLog? contractLog, CancellationToken stopping)
{
    private const string V2Prefix = "/v2/";
    private const string CdnPrefix = "/cdn/images/";
    private const string UploadsPrefix = "/cdn/uploads/";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var route = RouteOf(request.Method, path);
        var requestId = "req_" + Guid.NewGuid().ToString("N");
        context.Response.Headers["x-request-id"] = requestId;

        // Buffered so an upload's multipart form can be parsed after the body is recorded.
        request.EnableBuffering();
        byte[] raw;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            raw = buffer.ToArray();
        }

        request.Body.Position = 0;
        var body = route == FakeRoute.Upload
            ? $"(multipart/form-data, {raw.Length} bytes)"
            : System.Text.Encoding.UTF8.GetString(raw);

        var headers = request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = state.Record(route, request.Method, path, request.QueryString.Value ?? string.Empty, headers, body, requestId);

        var fault = state.TakeFault(route);
        if (fault is { AfterProcessing: false })
        {
            if (fault.Kind == FakeFaultKind.Hang)
            {
                await HangAsync(context);
                return;
            }

            if (fault.Kind == FakeFaultKind.Disconnect)
            {
                context.Abort();
                return;
            }

            if (fault.Kind is not (FakeFaultKind.ContentType or FakeFaultKind.Chunked))
            {
                await WriteAsync(context, recorded, FaultResponse(fault));
                return;
            }
        }

        // An upload is multipart, not a JSON body: its answers are checked against the document in the upload tests.
        var response = route == FakeRoute.Upload
            ? await UploadAsync(request, headers, context.RequestAborted)
            : Dispatch(route, request, path, body, headers);
        if (route != FakeRoute.Upload)
        {
            CheckContract(route, request.Method, path, body, response);
        }

        if (fault is { AfterProcessing: true })
        {
            // The work is done (a job may exist now); only the answer is lost or replaced.
            if (fault.Kind == FakeFaultKind.Hang)
            {
                await HangAsync(context);
                return;
            }

            if (fault.Kind == FakeFaultKind.Disconnect)
            {
                context.Abort();
                return;
            }

            response = FaultResponse(fault);
        }
        else if (fault?.Kind == FakeFaultKind.ContentType && response.Bytes is not null)
        {
            response = response with { ContentType = fault.ContentType };
        }
        else if (fault?.Kind == FakeFaultKind.Chunked)
        {
            response = response with { OmitContentLength = true };
        }

        await WriteAsync(context, recorded, response);
    }

    private FakeResponse Dispatch(FakeRoute route, HttpRequest request, string path, string body, IReadOnlyDictionary<string, string> headers)
    {
        if (route == FakeRoute.Cdn)
        {
            return state.Cdn(path[CdnPrefix.Length..]);
        }

        if (route == FakeRoute.UploadedFile)
        {
            return state.UploadedFile(path[UploadsPrefix.Length..]);
        }

        if (!path.StartsWith(V2Prefix, StringComparison.Ordinal))
        {
            return FakeResponse.Error(404, "Not found");
        }

        var apiKey = headers.GetValueOrDefault("X-API-Key");
        if (state.Authenticate(apiKey) is { } denied)
        {
            return denied;
        }

        return route switch
        {
            FakeRoute.Generate => state.Generate(apiKey!, headers.GetValueOrDefault("Idempotency-Key"), body),
            FakeRoute.GetJob => state.GetJob(apiKey!, path[(path.LastIndexOf('/') + 1)..]),
            FakeRoute.ListJobs => state.ListJobs(apiKey!, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal)),
            FakeRoute.Me => state.Me(apiKey!),
            _ => KnownPath(path)
                ? FakeResponse.Error(405, "Method not allowed")
                : FakeResponse.Error(404, "Not found"),
        };
    }

    private void CheckContract(FakeRoute route, string method, string path, string body, FakeResponse response)
    {
        // Only the fake's own validation counts as a refusal here; an injected fault is the test's doing.
        var refusal = route == FakeRoute.Generate && response.StatusCode == 400 ? response : null;
        if (contractLog is null || (body.Length == 0 && refusal is null))
        {
            return;
        }

        contractLog.CheckInBackground(() => FakeApiframeContract.Check(contract, method, path, body, refusal));
    }

    private async Task<FakeResponse> UploadAsync(HttpRequest request, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (state.Authenticate(headers.GetValueOrDefault("X-API-Key")) is { } denied)
        {
            return denied;
        }

        if (!request.HasFormContentType)
        {
            return FakeResponse.Validation("Expected multipart/form-data", new Dictionary<string, List<string>> { ["file"] = ["Required"] });
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return state.Upload(hasFilePart: false, null);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return state.Upload(hasFilePart: true, buffer.ToArray());
    }

    private FakeResponse FaultResponse(FakeFault fault) => fault.Kind switch
    {
        FakeFaultKind.RateLimited => FakeResponse.Error(429, fault.Error) with
        {
            Headers = new Dictionary<string, string>
            {
                ["Retry-After"] = fault.RetryAfterAsDate
                    ? (state.Time.GetUtcNow() + fault.RetryAfter).ToString("R", CultureInfo.InvariantCulture)
                    : ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            },
        },
        FakeFaultKind.InsufficientCredits => state.InsufficientCreditsNow(),
        _ => FakeResponse.Error(fault.StatusCode, fault.Error),
    };

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping; either way nothing is ever answered.
        }

        context.Abort();
    }

    private async Task WriteAsync(HttpContext context, FakeRecordedRequest recorded, FakeResponse answer)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        byte[] payload;
        if (answer.Bytes is not null)
        {
            payload = answer.Bytes;
            response.ContentType = answer.ContentType ?? "application/octet-stream";
        }
        else
        {
            payload = System.Text.Encoding.UTF8.GetBytes(answer.Json?.ToJsonString() ?? "{}");
            response.ContentType = "application/json; charset=utf-8";
        }

        if (!answer.OmitContentLength)
        {
            response.ContentLength = payload.Length;
        }

        state.Answered(recorded, answer.StatusCode);
        try
        {
            if (answer.OmitContentLength)
            {
                // Several writes so Kestrel really sends chunks.
                for (var offset = 0; offset < payload.Length; offset += 16 * 1024)
                {
                    await response.Body.WriteAsync(payload.AsMemory(offset, Math.Min(16 * 1024, payload.Length - offset)), context.RequestAborted);
                }
            }
            else
            {
                await response.Body.WriteAsync(payload, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client hung up mid-body (e.g. it refused an oversize image); that is its right.
        }
    }

    private static FakeRoute RouteOf(string method, string path)
    {
        if (HttpMethods.IsGet(method) && path.StartsWith(CdnPrefix, StringComparison.Ordinal) && path.Length > CdnPrefix.Length)
        {
            return FakeRoute.Cdn;
        }

        if (HttpMethods.IsPost(method) && path == "/v2/images/generate")
        {
            return FakeRoute.Generate;
        }

        if (HttpMethods.IsPost(method) && path == "/v2/uploads")
        {
            return FakeRoute.Upload;
        }

        if (HttpMethods.IsGet(method) && path.StartsWith(UploadsPrefix, StringComparison.Ordinal) && path.Length > UploadsPrefix.Length)
        {
            return FakeRoute.UploadedFile;
        }

        if (HttpMethods.IsGet(method))
        {
            if (path is "/v2/jobs" or "/v2/jobs/")
            {
                return FakeRoute.ListJobs;
            }

            if (path.StartsWith("/v2/jobs/", StringComparison.Ordinal) && path.IndexOf('/', "/v2/jobs/".Length) < 0)
            {
                return FakeRoute.GetJob;
            }

            if (path == "/v2/me")
            {
                return FakeRoute.Me;
            }
        }

        return FakeRoute.Other;
    }

    private static bool KnownPath(string path) =>
        path is "/v2/images/generate" or "/v2/jobs" or "/v2/me" or "/v2/uploads" || path.StartsWith("/v2/jobs/", StringComparison.Ordinal);
}
