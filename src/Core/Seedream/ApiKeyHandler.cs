using Microsoft.Extensions.Options;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Adds <c>X-API-Key</c> to requests for the configured Apiframe origin, and only to those: a request that somehow
/// points elsewhere goes out without the key rather than leaking it.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<ApiframeOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        request.Headers.Remove(ApiframeHeaders.ApiKey);
        if (request.RequestUri is { } uri && IsSameOrigin(uri, current.GetBaseUri()))
        {
            request.Headers.TryAddWithoutValidation(ApiframeHeaders.ApiKey, current.ApiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool IsSameOrigin(Uri uri, Uri baseUri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, baseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == baseUri.Port;
}
