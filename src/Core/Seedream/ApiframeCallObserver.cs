using System.Globalization;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Times every HTTP attempt to Apiframe (it sits inside the retry pipeline) for <see cref="ApiframeMetrics"/>, and
/// tells <see cref="ApiframeContact"/> how the API host answered. It never reads or logs headers, so the key stays out.
/// </summary>
internal sealed class ApiframeCallObserver(ApiframeMetrics metrics, ApiframeContact? contact, TimeProvider time, string client)
    : DelegatingHandler
{
    public const string ApiClient = "api";
    public const string CdnClient = "cdn";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = client == CdnClient ? "download" : OperationOf(request);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var status = code.ToString(CultureInfo.InvariantCulture);
            metrics.Attempted(client, operation, status, response.IsSuccessStatusCode, time.GetElapsedTime(started));
            if (contact is not null)
            {
                if (ApiframeContact.IsHealthyAnswer(code))
                {
                    contact.Answered(time.GetUtcNow());
                }
                else
                {
                    contact.Failed(time.GetUtcNow(), status);
                }
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            // A canceled attempt is usually the per-attempt timeout; caller cancellation (shutdown) looks the same here.
            var status = exception is OperationCanceledException ? "canceled" : "network";
            metrics.Attempted(client, operation, status, succeeded: false, time.GetElapsedTime(started));
            if (contact is not null)
            {
                contact.Failed(time.GetUtcNow(), status);
            }

            throw;
        }
    }

    /// <summary>Low-cardinality operation names from the request path (job ids never become tag values).</summary>
    internal static string OperationOf(HttpRequestMessage request)
    {
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? "";
        if (path.EndsWith("/v2/images/generate", StringComparison.Ordinal) || path == "v2/images/generate")
        {
            return "submit";
        }

        if (path.Contains("v2/jobs/", StringComparison.Ordinal))
        {
            return "poll";
        }

        if (path.EndsWith("v2/uploads", StringComparison.Ordinal))
        {
            return "upload";
        }

        return path.EndsWith("v2/me", StringComparison.Ordinal) ? "account" : "other";
    }
}
