namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Typed HttpClient for result downloads. It is a separate client on purpose: it has no <see cref="ApiKeyHandler"/>,
/// so the API key can never travel to the CDN host (or wherever a result URL points).
/// </summary>
internal sealed class ApiframeCdn(HttpClient http)
{
    /// <summary>Returns as soon as the headers are in, so the caller can check size and type before reading.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("image/png, image/jpeg, image/webp, image/gif;q=0.9, */*;q=0.1");
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
