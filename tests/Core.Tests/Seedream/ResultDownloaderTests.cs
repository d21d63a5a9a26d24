using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>Downloader behaviour that needs a response no honest server would send.</summary>
public sealed class ResultDownloaderTests
{
    [Fact]
    public async Task A_declared_size_over_the_cap_fails_without_reading_the_body()
    {
        using var handler = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnreadableContent(50_000_000) });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x.png"), 1_000_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultTooLarge, result.Failure?.Kind);
        Assert.Equal("The image is 47.7 MiB, more than the 976.6 KiB the bot can accept.", result.Failure!.Message);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_Unavailable_not_a_truncated_image()
    {
        using var handler = new StubHandler(() =>
        {
            var content = new ByteArrayContent(FakeImages.Png(1, 1)[..10]);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Headers.ContentLength = 20;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unavailable, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("png", "image/png", "png")]
    [InlineData("png", "application/octet-stream", "png")]
    [InlineData("png", null, "png")]
    [InlineData("jpeg", "image/png", "jpg")]
    [InlineData("webp", "image/webp", "webp")]
    [InlineData("gif", "IMAGE/GIF", "gif")]
    public async Task The_bytes_decide_the_type_and_extension_not_the_content_type(string bytes, string? contentType, string extension)
    {
        var image = Bytes(bytes);
        using var handler = new StubHandler(() => Answer(image, contentType));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn2.apiframe.ai/images/ab%20c-1.bin?sig=1"), 100_000, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal($"seedream-abc-1.{extension}", result.Value.FileName);
        Assert.Equal(extension == "jpg" ? "image/jpeg" : "image/" + extension, result.Value.ContentType);
        Assert.Equal(image, result.Value.Content.ToArray());
    }

    [Fact]
    public async Task An_html_page_served_as_image_png_is_ResultNotImage()
    {
        using var handler = new StubHandler(() => Answer("<!doctype html><title>Error</title>"u8.ToArray(), "image/png"));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Equal("The result link served image/png whose bytes are not a PNG, JPEG, WebP or GIF image.", result.Failure!.Message);
    }

    [Fact]
    public async Task A_declared_non_image_type_is_ResultNotImage_whatever_the_bytes()
    {
        using var handler = new StubHandler(() => Answer(FakeImages.Png(4, 4), "text/html"));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("https://evil.example/x.png")]
    [InlineData("http://cdn.apiframe.ai/x.png")]
    [InlineData("https://cdn.apiframe.ai:8443/x.png")]
    [InlineData("https://user@cdn.apiframe.ai/x.png")]
    public async Task A_result_url_off_Apiframes_cdn_hosts_is_never_requested(string url)
    {
        using var handler = new StubHandler(() => Answer(FakeImages.Png(4, 4), "image/png"));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri(url), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Contains("Apiframe:ResultHosts", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task A_redirect_on_the_same_host_is_followed()
    {
        var image = FakeImages.Png(4, 4);
        using var handler = new StubHandler(request => request.RequestUri!.AbsolutePath == "/old.png"
            ? Redirect("/images/new.png")
            : Answer(image, "image/png"));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/old.png"), 1_000, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, handler.Requests);
    }

    [Theory]
    [InlineData("https://cdn2.apiframe.ai/x.png")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("http://cdn.apiframe.ai/x.png")]
    public async Task A_redirect_to_another_host_or_scheme_is_not_followed(string location)
    {
        using var handler = new StubHandler(_ => Redirect(location));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Endless_redirects_end()
    {
        using var handler = new StubHandler(request => Redirect(request.RequestUri!.AbsolutePath + "x"));
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.apiframe.ai/x"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Equal(4, handler.Requests);
    }

    [Theory]
    [InlineData("https://cdn.example/", "seedream.png")]
    [InlineData("https://cdn.example/images/%E2%9C%A8.png", "seedream.png")]
    [InlineData("https://cdn.example/images/a1b2c3d4-e5f6-7890-abcd-ef1234567890-1.png", "seedream-a1b2c3d4-e5f6-7890-abcd-ef1234567890-1.png")]
    public void File_names_are_safe_everywhere(string url, string expected) =>
        Assert.Equal(expected, ResultDownloader.FileNameFor(new Uri(url), "png"));

    private static ResultDownloader Downloader(HttpMessageHandler handler) =>
        new(new ApiframeCdn(new HttpClient(handler)), new ApiframeOptions { ApiKey = "afk_x" }, TimeProvider.System, NullLogger.Instance);

    private static byte[] Bytes(string kind) => kind switch
    {
        "png" => FakeImages.Png(4, 4),
        "jpeg" => FakeImages.Jpeg(8, 8),
        "webp" => [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBPVP8L"u8, 10, 0, 0, 0, 0x2F, 3, 0xC0, 0, 0, 0, 0, 0, 0, 0],
        "gif" => [.. "GIF89a"u8, 4, 0, 4, 0, 0, 0, 0, 0x3B],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static HttpResponseMessage Answer(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private int _requests;

        public StubHandler(Func<HttpResponseMessage> respond)
            : this(_ => respond())
        {
        }

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(respond(request));
        }
    }

    /// <summary>Declares a length and a PNG type, and fails the test if anyone tries to read it.</summary>
    private sealed class UnreadableContent : HttpContent
    {
        private readonly long _length;

        public UnreadableContent(long length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("image/png");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("The body was read although its declared size is over the cap.");

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
