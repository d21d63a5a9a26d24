using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Net;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Streams a result image into one exactly-sized buffer, refusing oversize results before reading them when the
/// size is declared and after at most <c>cap + 1</c> bytes when it is not. Only from <c>Apiframe:ResultHosts</c>, with
/// redirects followed by hand and only on the same host; the bytes, not the Content-Type, say it is an image.
/// </summary>
internal sealed class ResultDownloader(ApiframeCdn cdn, ApiframeOptions options, TimeProvider time, ILogger logger)
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>CDNs redirect, but a result never needs more than a couple of hops.</summary>
    private const int MaxRedirects = 3;

    private readonly HostAllowList _hosts = new(options.ResultHosts);

    public async Task<ApiframeResult<DownloadedImage>> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("A result URL must be an absolute http(s) URL.", nameof(url));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxBytes, (long)Array.MaxLength);

        // A job's result URL comes from Apiframe's answer; only its CDN is trusted to serve it.
        if (!_hosts.Allows(url))
        {
            return Fail(new ApiframeFailure(
                ApiframeFailureKind.ResultNotImage,
                $"The result link points at {Printable(url.Scheme + "://" + url.Authority)}, which is not one of Apiframe's CDN hosts " +
                $"({string.Join(", ", _hosts.Entries)}); the bot does not download from there. The operator can add a host to Apiframe:ResultHosts."));
        }

        HttpResponseMessage response;
        var current = url;
        var hops = 0;
        while (true)
        {
            try
            {
                response = await cdn.GetAsync(current, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                              && ApiframeFailures.FromException(exception, ApiframeOperation.Download, null, options.ApiKey) is { } failure)
            {
                return Fail(failure);
            }

            if (!IsRedirect(response.StatusCode))
            {
                break;
            }

            // Followed by hand: a redirect may stay on the host it started from, never leave for another one.
            var location = response.Headers.Location;
            response.Dispose();
            var next = location is null ? null : location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next is null || ++hops > MaxRedirects || !SameOrigin(next, current) || !_hosts.Allows(next))
            {
                return Fail(new ApiframeFailure(
                    ApiframeFailureKind.ResultNotImage,
                    next is null || hops > MaxRedirects
                        ? "The result link kept redirecting; the bot gave up on it."
                        : $"The result link redirected to another host ({Printable(next.Authority)}); the bot does not follow that."));
            }

            current = next;
        }

        using (response)
        {
            var requestId = ApiframeHeaders.RequestIdOf(response);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return Fail(new ApiframeFailure(
                    ApiframeFailureKind.ResultExpired,
                    "Apiframe's CDN no longer has this image (results are only kept for a limited time).")
                {
                    StatusCode = status,
                    RequestId = requestId,
                });
            }

            if (!response.IsSuccessStatusCode)
            {
                return Fail(new ApiframeFailure(
                    ApiframeFailureKind.Unavailable, $"Downloading the image failed with HTTP {status}. Try again in a few minutes.")
                {
                    StatusCode = status,
                    RequestId = requestId,
                });
            }

            // A declared type that is clearly something else (an HTML error page) ends it early; the bytes decide the rest.
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !IsPlausibleImageType(mediaType))
            {
                return Fail(NotImage($"The result link served {Printable(mediaType)} instead of a PNG, JPEG, WebP or GIF image.", status, requestId));
            }

            var declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                return Fail(TooLarge(maxBytes, declared, status, requestId));
            }

            using var bodyTimeout = new CancellationTokenSource(options.RequestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
                var (buffer, length) = await ReadCappedAsync(stream, declared, maxBytes, linked.Token);
                if (length > maxBytes)
                {
                    return Fail(TooLarge(maxBytes, null, status, requestId));
                }

                if (declared is { } expected && length != expected)
                {
                    return Fail(new ApiframeFailure(
                        ApiframeFailureKind.Unavailable, "The image download ended early. Try again in a few minutes.")
                    {
                        StatusCode = status,
                        RequestId = requestId,
                    });
                }

                var content = new ReadOnlyMemory<byte>(buffer, 0, length);
                if (ImageKinds.Sniff(content.Span) is not { } kind)
                {
                    return Fail(NotImage(
                        $"The result link served {(mediaType is null ? "a file" : Printable(mediaType))} whose bytes are not a PNG, JPEG, WebP or GIF image.",
                        status,
                        requestId));
                }

                SeedreamLog.Downloaded(logger, length, kind.MediaType(), current.Host);
                return ApiframeResult<DownloadedImage>.Success(new DownloadedImage(content, kind.MediaType(), FileNameFor(url, kind.Extension())));
            }
            catch (OperationCanceledException) when (bodyTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Fail(new ApiframeFailure(
                    ApiframeFailureKind.Unavailable,
                    $"The image download took longer than {ApiframeFailures.Describe(options.RequestTimeout)}. Try again in a few minutes.")
                {
                    StatusCode = status,
                    RequestId = requestId,
                });
            }
            catch (Exception exception) when (exception is (HttpRequestException or IOException) && !cancellationToken.IsCancellationRequested)
            {
                return Fail(ApiframeFailures.FromException(exception, ApiframeOperation.Download, null, options.ApiKey)! with
                {
                    StatusCode = status,
                    RequestId = requestId,
                });
            }
        }

        ApiframeResult<DownloadedImage> Fail(ApiframeFailure failure)
        {
            SeedreamLog.CallFailed(logger, "download", failure.Kind, failure.StatusCode, failure.RequestId, null, failure.Message);
            return failure;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri next, Uri current) =>
        string.Equals(next.Scheme, current.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(next.IdnHost, current.IdnHost, StringComparison.OrdinalIgnoreCase)
        && next.Port == current.Port;

    private static bool IsPlausibleImageType(string mediaType) =>
        mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    private static ApiframeFailure NotImage(string message, int status, string? requestId) =>
        new(ApiframeFailureKind.ResultNotImage, message) { StatusCode = status, RequestId = requestId };

    /// <summary>
    /// Reads the body into a buffer sized from Content-Length when known (one allocation, no copy); otherwise grows a
    /// buffer up to <c>cap + 1</c> bytes, which is enough to tell "at the cap" from "over it".
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadCappedAsync(
        Stream stream, long? declared, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = declared ?? maxBytes + 1;
        var buffer = new byte[declared ?? Math.Min(InitialBufferSize, limit)];
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return (buffer, length);
    }

    private static ApiframeFailure TooLarge(long maxBytes, long? declared, int status, string? requestId) =>
        new(
            ApiframeFailureKind.ResultTooLarge,
            declared is { } size
                ? $"The image is {FormatBytes(size)}, more than the {FormatBytes(maxBytes)} the bot can accept."
                : $"The image is more than the {FormatBytes(maxBytes)} the bot can accept.")
        {
            StatusCode = status,
            RequestId = requestId,
        };

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");

    /// <summary><c>seedream-&lt;last URL segment&gt;.&lt;ext&gt;</c>, with only characters every platform accepts.</summary>
    internal static string FileNameFor(Uri url, string extension)
    {
        var segment = Uri.UnescapeDataString(url.Segments.Length > 0 ? url.Segments[^1] : string.Empty);
        var stem = Path.GetFileNameWithoutExtension(segment);
        var safe = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (safe.Length == 64)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                safe.Append(c);
            }
        }

        return safe.Length == 0 ? $"seedream.{extension}" : $"seedream-{safe}.{extension}";
    }

    private static string Printable(string value) =>
        value.Length <= 80 && value.All(c => c is >= ' ' and < (char)0x7F) ? value : "an unreadable content type";
}
