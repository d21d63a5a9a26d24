using System.Net.Http.Headers;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Typed HttpClient for the Apiframe API host. The key is added by <see cref="ApiKeyHandler"/> and retries by the
/// resilience handler; this class only shapes requests and reads answers.
/// </summary>
internal sealed class ApiframeApi(HttpClient http, TimeProvider time)
{
    /// <summary>Enough for any job or error document; a larger answer is not Apiframe talking.</summary>
    public const long MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Task<ApiframeResponse> SubmitAsync(byte[] jsonBody, string idempotencyKey, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(jsonBody);
        content.Headers.ContentType = JsonMediaType;
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate") { Content = content };
        request.Headers.TryAddWithoutValidation(ApiframeHeaders.IdempotencyKey, idempotencyKey);
        return SendAsync(request, cancellationToken);
    }

    public Task<ApiframeResponse> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "v2/jobs/" + Uri.EscapeDataString(jobId)), cancellationToken);

    /// <summary><c>POST /v2/uploads</c>: one multipart <c>file</c> (Apiframe sniffs its type from the bytes).</summary>
    public Task<ApiframeResponse> UploadAsync(ReadOnlyMemory<byte> file, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var part = new ReadOnlyMemoryContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { part, "file", fileName } };
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, "v2/uploads") { Content = form }, cancellationToken);
    }

    public Task<ApiframeResponse> GetMeAsync(CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "v2/me"), cancellationToken);

    private async Task<ApiframeResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ApiframeResponse(
                response.StatusCode,
                body,
                ApiframeHeaders.RequestIdOf(response),
                RetryAfterHeader.Read(response, time));
        }
    }
}
