using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Turns an Apiframe error answer or a transport failure into an <see cref="ApiframeFailure"/> whose message the bot
/// can show. Text that came from Apiframe is shortened and has the API key removed before it goes anywhere.
/// </summary>
internal static class ApiframeFailures
{
    private const int MaxServerTextLength = 300;

    public static ApiframeFailure FromResponse(ApiframeResponse response, ApiframeOperation operation, string? jobId, string apiKey)
    {
        var body = ParseErrorBody(response.Body);
        var status = (int)response.StatusCode;
        var error = Clean(body?.Error, apiKey) ?? ReasonPhrase(response.StatusCode);

        var failure = response.StatusCode switch
        {
            HttpStatusCode.BadRequest when operation == ApiframeOperation.Poll => new ApiframeFailure(
                ApiframeFailureKind.InvalidRequest, $"Apiframe says the job id is not valid: {error}."),
            HttpStatusCode.BadRequest => InvalidRequest(error, Details(body, apiKey)),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ApiframeFailure(
                ApiframeFailureKind.Unauthorized,
                $"Apiframe refused the bot's API key ({error}). The bot's operator must put a valid, active key in " +
                $"{ApiframeOptions.ApiKeyEnvironmentVariable}."),
            HttpStatusCode.PaymentRequired => InsufficientCredits(body),
            HttpStatusCode.NotFound when operation == ApiframeOperation.Poll => new ApiframeFailure(
                ApiframeFailureKind.JobNotFound,
                "Apiframe has no such job for this API key (it may belong to another key)."),
            HttpStatusCode.Conflict => new ApiframeFailure(
                ApiframeFailureKind.Conflict,
                $"Apiframe already has a different generation under this idempotency key ({error})."),
            HttpStatusCode.TooManyRequests => new ApiframeFailure(
                ApiframeFailureKind.RateLimited,
                response.RetryAfter is { } wait
                    ? $"Apiframe is rate-limiting the bot and asked it to wait {Describe(wait)}."
                    : "Apiframe is rate-limiting the bot; try again in a minute.")
            {
                RetryAfter = response.RetryAfter,
            },
            _ when status >= 500 => new ApiframeFailure(
                ApiframeFailureKind.Unavailable,
                $"Apiframe is unavailable right now (HTTP {status}: {error}). Try again in a few minutes."),
            HttpStatusCode.NotFound => new ApiframeFailure(
                ApiframeFailureKind.Unavailable,
                $"Apiframe answered 404 for the {Describe(operation)} call; the operator should check Apiframe:BaseUrl."),
            _ => new ApiframeFailure(
                ApiframeFailureKind.InvalidRequest, $"Apiframe rejected the request with HTTP {status}: {error}."),
        };

        return failure with { StatusCode = status, RequestId = response.RequestId, JobId = jobId };
    }

    /// <summary>A failure for an exception the HTTP stack threw (after its retries), or null if it is not one.</summary>
    public static ApiframeFailure? FromException(Exception exception, ApiframeOperation operation, string? jobId, string apiKey)
    {
        var message = exception switch
        {
            TimeoutRejectedException => $"Apiframe did not answer the {Describe(operation)} call in time. Try again in a few minutes.",
            HttpRequestException request => $"Could not reach Apiframe for the {Describe(operation)} call ({Clean(request.Message, apiKey)}). Try again in a few minutes.",
            OperationCanceledException => $"Apiframe did not answer the {Describe(operation)} call in time. Try again in a few minutes.",
            IOException io => $"The connection to Apiframe broke during the {Describe(operation)} call ({Clean(io.Message, apiKey)}).",
            _ => null,
        };

        return message is null ? null : new ApiframeFailure(ApiframeFailureKind.Unavailable, message) { JobId = jobId };
    }

    /// <summary>A 2xx whose body is not what the contract promises.</summary>
    public static ApiframeFailure UnexpectedBody(ApiframeResponse response, ApiframeOperation operation, string? jobId) =>
        new(ApiframeFailureKind.Unavailable, $"Apiframe's answer to the {Describe(operation)} call could not be read.")
        {
            StatusCode = (int)response.StatusCode,
            RequestId = response.RequestId,
            JobId = jobId,
        };

    internal static string? Clean(string? text, string apiKey)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var oneLine = string.Concat(ApiKeyRedactor.Redact(text, apiKey).Trim().Select(c => char.IsControl(c) ? ' ' : c));
        return oneLine.Length <= MaxServerTextLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxServerTextLength), "…");
    }

    private static ApiframeFailure InvalidRequest(string error, IReadOnlyDictionary<string, IReadOnlyList<string>>? details)
    {
        var summary = details is { Count: > 0 }
            ? " (" + string.Join("; ", details.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")) + ")"
            : string.Empty;
        return new ApiframeFailure(ApiframeFailureKind.InvalidRequest, $"Apiframe rejected the request: {error}{summary}.")
        {
            Details = details,
        };
    }

    private static ApiframeFailure InsufficientCredits(ErrorBody? body)
    {
        var needs = body?.CreditsRequired is { } required
            ? string.Create(CultureInfo.InvariantCulture, $"this image needs {required:N0} credits and {body.CreditsAvailable ?? 0:N0} are left")
            : "it has no credits left for this image";
        return new ApiframeFailure(
            ApiframeFailureKind.InsufficientCredits,
            $"The bot's Apiframe team is out of credits: {needs}. The bot's operator must top up the Apiframe account.")
        {
            CreditsRequired = body?.CreditsRequired,
            CreditsAvailable = body?.CreditsAvailable,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>>? Details(ErrorBody? body, string apiKey)
    {
        if (body?.Details is not { Count: > 0 } raw)
        {
            return null;
        }

        var details = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (path, value) in raw)
        {
            var messages = value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Select(item => TextOf(item, apiKey)).ToList(),
                _ => [TextOf(value, apiKey)],
            };
            details[ApiKeyRedactor.Redact(path, apiKey)] = messages;
        }

        return details;
    }

    private static string TextOf(JsonElement element, string apiKey) =>
        Clean(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(), apiKey) ?? string.Empty;

    private static ErrorBody? ParseErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ApiframeJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy in front of Apiframe: the status code alone has to do.
            return null;
        }
    }

    private static string ReasonPhrase(HttpStatusCode status) =>
        status switch
        {
            HttpStatusCode.BadRequest => "bad request",
            HttpStatusCode.Unauthorized => "unauthorized",
            HttpStatusCode.Forbidden => "forbidden",
            HttpStatusCode.NotFound => "not found",
            HttpStatusCode.TooManyRequests => "too many requests",
            HttpStatusCode.ServiceUnavailable => "service unavailable",
            HttpStatusCode.BadGateway => "bad gateway",
            HttpStatusCode.GatewayTimeout => "gateway timeout",
            _ => "no details given",
        };

    private static string Describe(ApiframeOperation operation) => operation switch
    {
        ApiframeOperation.Submit => "generate",
        ApiframeOperation.Poll => "job status",
        ApiframeOperation.Account => "account",
        ApiframeOperation.Download => "result download",
        ApiframeOperation.Upload => "upload",
        _ => operation.ToString(),
    };

    internal static string Describe(TimeSpan wait) =>
        wait < TimeSpan.FromMinutes(2)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(wait.TotalMinutes)} min");
}
