using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// The fake Apiframe is as unforgiving as the real one about files: it fetches every input link (and fails the job when
/// one is dead), keeps uploads for an hour and results for a day, on its own clock; and our upload client works
/// against it over the wire.
/// </summary>
public sealed class FakeApiframeInputsTests
{
    [Fact]
    public async Task A_job_whose_input_link_is_dead_fails_with_the_reason_and_costs_nothing()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var dead = new Uri(fake.BaseUrl, "cdn/uploads/" + Guid.NewGuid() + ".png").AbsoluteUri;
        var credits = fake.TeamCredits;

        var submitted = await host.Client.SubmitAsync(Request(dead), SeedreamTestData.NewKey(), CancellationToken.None);
        var completed = await host.Client.WaitForCompletionAsync(submitted.Value!.JobId, null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.JobFailed, completed.Failure?.Kind);
        Assert.Contains("could not download image_input[0] (HTTP 404)", completed.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(credits, fake.TeamCredits);
    }

    [Fact]
    public async Task An_uploaded_image_is_fetched_as_an_input_and_the_job_completes()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        var png = FakeImages.Png(12, 8, seed: 3);

        var uploaded = await host.Client.UploadAsync(png, "input-1.png", "image/png", CancellationToken.None);
        var submitted = await host.Client.SubmitAsync(Request(uploaded.Value!.Url.AbsoluteUri), SeedreamTestData.NewKey(), CancellationToken.None);
        var completed = await host.Client.WaitForCompletionAsync(submitted.Value!.JobId, null, CancellationToken.None);

        Assert.True(completed.Succeeded, completed.ToString());
        var upload = Assert.Single(fake.Uploads);
        Assert.Equal(png, upload.Content);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal(upload.ExpiresAt, uploaded.Value.ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(fake.GetJob(submitted.Value.JobId).InputFetchError);
        var request = Assert.Single(fake.RequestsTo(FakeRoute.Upload));
        Assert.Equal(fake.ApiKey, request.Header("X-API-Key"));
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_live_an_hour_and_results_a_day_on_the_fakes_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, Mode = FakeJobMode.Manual });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        using var uploaded = await UploadAsync(http, fake.ApiKey, FakeImages.Png(4, 4));
        var uploadUrl = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["url"]!.GetValue<string>();
        using var generate = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
        {
            Content = new StringContent("""{"prompt":"p","model":"seedream-5-lite"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        generate.Headers.Add("X-API-Key", fake.ApiKey);
        var jobId = JsonNode.Parse(await (await http.SendAsync(generate)).Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>();
        var result = fake.CompleteJob(jobId).ImageUrls[0];

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(uploadUrl)).StatusCode);
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(uploadUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(result)).StatusCode);
        time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(result)).StatusCode);
        Assert.True(fake.GetJob(jobId).Expired);
    }

    [Fact]
    public async Task Uploads_are_typed_by_their_bytes_and_refused_when_they_are_not_images()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        using var jpeg = await UploadAsync(http, fake.ApiKey, FakeImages.Jpeg(8, 8), declaredType: "image/png");
        using var text = await UploadAsync(http, fake.ApiKey, "hello"u8.ToArray());
        using var none = await UploadAsync(http, fake.ApiKey, null);
        using var anonymous = await UploadAsync(http, null, FakeImages.Png(2, 2));

        Assert.Equal(HttpStatusCode.Created, jpeg.StatusCode);
        Assert.Equal("image/jpeg", JsonNode.Parse(await jpeg.Content.ReadAsStringAsync())!["contentType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Every_upload_answer_of_the_fake_matches_the_schema_the_document_names_for_it()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        foreach (var (content, key, expected) in new (byte[]?, string?, int)[]
                 {
                     (FakeImages.Png(3, 3), fake.ApiKey, 201),
                     ("not an image"u8.ToArray(), fake.ApiKey, 400),
                     (null, fake.ApiKey, 400),
                     (FakeImages.Png(3, 3), null, 401),
                 })
        {
            using var response = await UploadAsync(http, key, content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(expected, (int)response.StatusCode);
            Assert.Contains(expected, ApiframeOpenApi.DocumentedStatuses("/v2/uploads", "post"));
            var schema = await ApiframeOpenApi.ComponentAsync(ApiframeOpenApi.ResponseSchemaName("/v2/uploads", "post", expected)!);
            ApiframeOpenApi.AssertValid(schema, body, $"POST /v2/uploads → {expected}");
        }
    }

    private static GenerationRequest Request(string inputUrl) =>
        GenerationRequestValidator.Validate("make it blue", inputImageUrls: [inputUrl]).Request!;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string? apiKey, byte[]? content, string declaredType = "image/png")
    {
        var form = new MultipartFormDataContent();
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
            form.Add(file, "file", "f.png");
        }
        else
        {
            form.Add(new StringContent("x"), "other");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "v2/uploads") { Content = form };
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        return await http.SendAsync(request);
    }
}
