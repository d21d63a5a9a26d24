using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>Result downloads from the fake's CDN route over a real loopback socket.</summary>
public sealed class SeedreamClientDownloadTests
{
    private const long EightMiB = 8 * 1024 * 1024;

    [Fact]
    public async Task A_png_result_downloads_as_a_decodable_image_without_the_api_key()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("image/png", result.Value.ContentType);
        Assert.Equal($"seedream-{completed.JobId}-1.png", result.Value.FileName);
        Assert.Equal((64, 64), PngChecker.Check(result.Value.Content.Span));

        var cdn = Assert.Single(fake.RequestsTo(FakeRoute.Cdn));
        Assert.Null(cdn.Header("X-API-Key"));
        Assert.All(fake.Requests.Where(r => r.Route != FakeRoute.Cdn), r => Assert.Equal(fake.ApiKey, r.Header("X-API-Key")));
    }

    [Fact]
    public async Task A_jpg_result_downloads_as_a_jpeg()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, GenerationRequestValidator.Validate("p", format: "jpg").Request!);

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("image/jpeg", result.Value.ContentType);
        Assert.EndsWith(".jpg", result.Value.FileName, StringComparison.Ordinal);
        Assert.True(FakeImages.IsJpeg(result.Value.Content.Span));
    }

    [Fact]
    public async Task A_ten_megabyte_png_under_the_cap_arrives_whole()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30), ResultImageBytes = 10_000_000 });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], 25 * 1024 * 1024, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.InRange(result.Value.Content.Length, 10_000_000 - 1537, 10_000_000);
        PngChecker.Check(result.Value.Content.Span);
    }

    [Fact]
    public async Task A_declared_size_over_the_cap_fails_as_ResultTooLarge()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30), ResultImageBytes = 10_000_000 });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultTooLarge, result.Failure?.Kind);
        Assert.Equal("The image is 9.5 MiB, more than the 8 MiB the bot can accept.", result.Failure!.Message);
        Assert.Equal(1, fake.CdnDownloads); // no retry: a bigger cap is the caller's decision
    }

    [Fact]
    public async Task An_undeclared_size_over_the_cap_fails_as_ResultTooLarge_after_reading_one_byte_past_it()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30), ResultImageBytes = 10_000_000 });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.CdnChunked());

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultTooLarge, result.Failure?.Kind);
        Assert.Equal("The image is more than the 8 MiB the bot can accept.", result.Failure!.Message);
    }

    [Fact]
    public async Task An_undeclared_size_under_the_cap_is_read_whole()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30), ResultImageBytes = 300_000 });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.CdnChunked(), times: 2);
        var expected = (await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None)).Value!.Content.Length;

        var exact = await host.Client.DownloadAsync(completed.ImageUrls[0], expected, CancellationToken.None);

        Assert.True(exact.Succeeded, exact.ToString());
        Assert.Equal(expected, exact.Value.Content.Length);
        PngChecker.Check(exact.Value.Content.Span);
        Assert.Null(fake.RequestsTo(FakeRoute.Cdn)[1].Header("Content-Length"));
    }

    [Fact]
    public async Task A_result_exactly_at_the_cap_is_accepted_and_one_byte_more_is_not()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        var size = (await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None)).Value!.Content.Length;

        var atCap = await host.Client.DownloadAsync(completed.ImageUrls[0], size, CancellationToken.None);
        var belowCap = await host.Client.DownloadAsync(completed.ImageUrls[0], size - 1, CancellationToken.None);

        Assert.True(atCap.Succeeded, atCap.ToString());
        Assert.Equal(ApiframeFailureKind.ResultTooLarge, belowCap.Failure?.Kind);
    }

    [Fact]
    public async Task A_non_image_content_type_is_ResultNotImage()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.CdnContentType("text/html; charset=utf-8"));

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultNotImage, result.Failure?.Kind);
        Assert.Equal("The result link served text/html instead of a PNG, JPEG, WebP or GIF image.", result.Failure!.Message);
    }

    [Fact]
    public async Task A_purged_result_is_ResultExpired()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.ExpireJob(completed.JobId);

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultExpired, result.Failure?.Kind);
        Assert.Equal(404, result.Failure!.StatusCode);
        Assert.Equal(1, fake.CdnDownloads); // a 404 is not retried
    }

    [Fact]
    public async Task A_410_from_the_cdn_is_ResultExpired_too()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.Status(410, "Gone"));

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultExpired, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_cdn_hiccup_is_retried()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.ServiceUnavailable(), times: 2);

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([503, 503, 200], fake.RequestsTo(FakeRoute.Cdn).Select(r => r.StatusCode));
        Assert.All(fake.RequestsTo(FakeRoute.Cdn), r => Assert.Null(r.Header("X-API-Key")));
    }

    [Fact]
    public async Task A_cdn_that_stays_down_is_Unavailable()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var completed = await GenerateAsync(host, SeedreamTestData.Request());
        fake.InjectFault(FakeRoute.Cdn, FakeFault.ServiceUnavailable(), times: 10);

        var result = await host.Client.DownloadAsync(completed.ImageUrls[0], EightMiB, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal(503, result.Failure!.StatusCode);
    }

    [Fact]
    public async Task Bad_arguments_are_programming_errors()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.DownloadAsync(new Uri("file:///etc/passwd"), 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.DownloadAsync(new Uri("https://example.com/a.png"), 0, CancellationToken.None));
    }

    private static async Task<CompletedJob> GenerateAsync(SeedreamTestHost host, GenerationRequest request)
    {
        var submitted = await host.Client.SubmitAsync(request, SeedreamTestData.NewKey(), CancellationToken.None);
        var completed = await host.Client.WaitForCompletionAsync(submitted.Value!.JobId, null, CancellationToken.None);
        return completed.Value ?? throw new InvalidOperationException(completed.ToString());
    }
}
