using System.Net;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Net;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Typed HttpClient for input images on Discord's CDN (<c>Generation:InputImageHosts</c>): https only, no redirects,
/// public addresses only (checked after DNS, see <see cref="PublicAddresses"/>), at most the configured input size.
/// It carries no credentials: Discord's CDN links are signed, not authenticated.
/// </summary>
public sealed class InputImageDownloader(HttpClient http, IOptionsMonitor<GenerationOptions> options)
{
    /// <summary>The bytes at <paramref name="url"/>, or null with why not (not allowed, gone, too large, failed).</summary>
    public async Task<(byte[]? Content, InputDownloadProblem? Problem)> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.CurrentValue;
        if (!new HostAllowList(settings.InputImageHosts).Allows(url))
        {
            return (null, InputDownloadProblem.HostNotAllowed);
        }

        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden)
            {
                return (null, InputDownloadProblem.Gone);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, InputDownloadProblem.Failed);
            }

            if (response.Content.Headers.ContentLength > settings.MaxInputImageBytes)
            {
                return (null, InputDownloadProblem.TooLarge);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > settings.MaxInputImageBytes)
                {
                    return (null, InputDownloadProblem.TooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, InputDownloadProblem.Failed);
        }
    }
}
