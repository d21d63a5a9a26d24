using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>Downloader behaviour that needs a response no honest server would send.</summary>
public sealed class ResultDownloaderTests
{
    [Fact]
    public async Task A_declared_size_over_the_cap_fails_without_reading_the_body()
    {
        using var handler = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnreadableContent(50_000_000) });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.example/x.png"), 1_000_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultTooLarge, result.Failure?.Kind);
        Assert.Equal("The image is 47.7 MiB, more than the 976.6 KiB the bot can accept.", result.Failure!.Message);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_Unavailable_not_a_truncated_image()
    {
        using var handler = new StubHandler(() =>
        {
            var content = new ByteArrayContent(new byte[10]);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Headers.ContentLength = 20;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.example/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unavailable, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("IMAGE/PNG", "png")]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("image/jpg", "jpg")]
    [InlineData("image/webp", "webp")]
    [InlineData("image/gif", "gif")]
    public async Task Every_accepted_image_type_gets_its_extension(string contentType, string extension)
    {
        using var handler = new StubHandler(() =>
        {
            var content = new ByteArrayContent([1, 2, 3]);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.example/images/ab%20c-1.bin?sig=1"), 1_000, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal($"seedream-abc-1.{extension}", result.Value.FileName);
        Assert.Equal(contentType.ToLowerInvariant().Replace("image/jpg", "image/jpeg", StringComparison.Ordinal), result.Value.ContentType);
        Assert.Equal([1, 2, 3], result.Value.Content.ToArray());
    }

    [Fact]
    public async Task A_missing_content_type_is_ResultNotImage()
    {
        using var handler = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) });
        var downloader = Downloader(handler);

        var result = await downloader.DownloadAsync(new Uri("https://cdn.example/x.png"), 1_000, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Equal("The result link served no content type instead of a PNG, JPEG, WebP or GIF image.", result.Failure!.Message);
    }

    [Theory]
    [InlineData("https://cdn.example/", "seedream.png")]
    [InlineData("https://cdn.example/images/%E2%9C%A8.png", "seedream.png")]
    [InlineData("https://cdn.example/images/a1b2c3d4-e5f6-7890-abcd-ef1234567890-1.png", "seedream-a1b2c3d4-e5f6-7890-abcd-ef1234567890-1.png")]
    public void File_names_are_safe_everywhere(string url, string expected) =>
        Assert.Equal(expected, ResultDownloader.FileNameFor(new Uri(url), "png"));

    private static ResultDownloader Downloader(HttpMessageHandler handler) =>
        new(new ApiframeCdn(new HttpClient(handler)), new ApiframeOptions { ApiKey = "afk_x" }, TimeProvider.System, NullLogger.Instance);

    private sealed class StubHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond());
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
