using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>The fake Apiframe itself: later end-to-end tests and benchmarks rely on it behaving like Apiframe.</summary>
public sealed class FakeApiframeServerTests
{
    private const string Body = """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"size":"2K","aspect_ratio":"1:1","output_format":"png"}}""";

    [Fact]
    public async Task Auth_errors_use_Apiframes_exact_messages()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { InactiveApiKeys = ["afk_off"] });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        Assert.Equal((401, """{"error":"API key is required"}"""), await SendAsync(http, HttpMethod.Get, "v2/me", null));
        Assert.Equal((401, """{"error":"Invalid API key"}"""), await SendAsync(http, HttpMethod.Get, "v2/me", "afk_nope"));
        Assert.Equal((403, """{"error":"API key is inactive"}"""), await SendAsync(http, HttpMethod.Get, "v2/me", "afk_off"));
        Assert.Equal(200, (await SendAsync(http, HttpMethod.Get, "v2/me", fake.ApiKey)).Status);
    }

    [Fact]
    public async Task Validation_reports_every_problem_by_json_path()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var images = string.Join(',', Enumerable.Range(0, 15).Select(i => $"\"https://x.example/{i}.png\""));
        var body = "{\"prompt\":\"" + new string('p', 2001) + "\",\"model\":\"seedream-5-lite\",\"style\":\"anime\"," +
                   "\"seedreamParams\":{\"size\":\"4K\",\"output_format\":\"gif\",\"steps\":30,\"image_input\":[" + images + ",\"nope\"]}}";

        var (status, text) = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, body);

        Assert.Equal(400, status);
        var details = JsonNode.Parse(text)!["details"]!.AsObject();
        Assert.Equal("Validation failed", JsonNode.Parse(text)!["error"]!.GetValue<string>());
        Assert.Equal("String must contain at most 2000 character(s)", details["prompt"]![0]!.GetValue<string>());
        Assert.Equal("Unrecognized key: \"style\"", details["style"]![0]!.GetValue<string>());
        Assert.Equal("Unrecognized key: \"steps\"", details["seedreamParams.steps"]![0]!.GetValue<string>());
        Assert.Equal("Invalid size for seedream-5-lite. Expected '2K' | '3K'", details["seedreamParams.size"]![0]!.GetValue<string>());
        Assert.Equal("Invalid enum value. Expected 'jpg' | 'png', received 'gif'", details["seedreamParams.output_format"]![0]!.GetValue<string>());
        Assert.Equal("Array must contain at most 14 element(s)", details["seedreamParams.image_input"]![0]!.GetValue<string>());
        Assert.Equal("Invalid url", details["seedreamParams.image_input.15"]![0]!.GetValue<string>());
        Assert.Equal(0, fake.JobsCreated);
        Assert.Contains(await fake.TakeContractViolationsAsync(), v => v.Contains("refused by Apiframe's validation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_aspect_ratios_are_off_unless_asked_for()
    {
        const string Odd = """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"aspect_ratio":"5:4"}}""";
        await using var lenient = await FakeApiframeServer.StartAsync();
        await using var strict = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { StrictAspectRatios = true });
        using var lenientHttp = new HttpClient { BaseAddress = lenient.BaseUrl };
        using var strictHttp = new HttpClient { BaseAddress = strict.BaseUrl };

        Assert.Equal(202, (await SendAsync(lenientHttp, HttpMethod.Post, "v2/images/generate", lenient.ApiKey, Odd)).Status);
        Assert.Equal(400, (await SendAsync(strictHttp, HttpMethod.Post, "v2/images/generate", strict.ApiKey, Odd)).Status);
        Assert.Empty(await lenient.TakeContractViolationsAsync());
        Assert.Contains("aspect_ratio", Assert.Single(await strict.TakeContractViolationsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Idempotency_keys_replay_the_original_job_refuse_a_different_body_and_are_per_api_key()
    {
        const string Second = "afk_second_user";
        // Manual jobs stay QUEUED: the replay must answer exactly what the first call did, however slow the machine.
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { ApiKeys = [FakeApiframeOptions.DefaultApiKey, Second], Mode = FakeJobMode.Manual });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        var first = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "key-1");
        var replay = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body.Replace("{\"prompt\"", "{ \"prompt\"", StringComparison.Ordinal), "key-1");
        var conflict = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body.Replace("\"p\"", "\"q\"", StringComparison.Ordinal), "key-1");
        var otherUser = await SendAsync(http, HttpMethod.Post, "v2/images/generate", Second, Body, "key-1");
        var tooLong = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, new string('k', 256));
        var longest = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, new string('k', 255));

        Assert.Equal(202, first.Status);
        Assert.Equal(first, replay);
        Assert.Equal((409, """{"error":"Idempotency-Key was already used with a different request body"}"""), conflict);
        Assert.Equal(202, otherUser.Status);
        Assert.NotEqual(JobIdOf(first.Text), JobIdOf(otherUser.Text));
        Assert.Equal(400, tooLong.Status);
        Assert.Equal(202, longest.Status);
        Assert.Equal(3, fake.JobsCreated);
        Assert.Equal(1000 - (3 * 4), fake.TeamCredits);
        Assert.Contains("Idempotency-Key", Assert.Single(await fake.TakeContractViolationsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotency_key_expires_after_24_hours()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        var first = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "k");
        time.Advance(TimeSpan.FromHours(23));
        var withinDay = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "k");
        time.Advance(TimeSpan.FromHours(2));
        var nextDay = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "k");

        Assert.Equal(JobIdOf(first.Text), JobIdOf(withinDay.Text));
        Assert.Equal("""{"jobId":"%","status":"COMPLETED"}""".Replace("%", JobIdOf(first.Text), StringComparison.Ordinal), withinDay.Text);
        Assert.NotEqual(JobIdOf(first.Text), JobIdOf(nextDay.Text));
    }

    [Fact]
    public async Task Credits_are_charged_on_acceptance_refused_when_short_and_refunded_on_failure_and_cancellation()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, TeamCredits = 11 });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        var a = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "a")).Text);
        var b = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "b")).Text);
        var refused = await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "c");

        Assert.Equal((402, """{"error":"Insufficient credits","creditsRequired":4,"creditsAvailable":3}"""), refused);
        Assert.Equal(3, fake.TeamCredits);
        Assert.Equal(4, fake.GetJob(a).CreditCost);

        fake.FailJob(a, "Provider returned an error: timeout");
        fake.CancelJob(b);

        Assert.Equal(11, fake.TeamCredits);
        var failed = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"v2/jobs/{a}", fake.ApiKey)).Text)!;
        Assert.Equal("FAILED", failed["status"]!.GetValue<string>());
        Assert.Equal("Provider returned an error: timeout", failed["error"]!.GetValue<string>());
        Assert.Equal(0, failed["creditCost"]!.GetValue<int>());
        Assert.NotNull(failed["completedAt"]);
        Assert.Equal(0, fake.GetJob(b).CreditCost);
        Assert.Equal(11, JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "v2/me", fake.ApiKey)).Text)!["team"]!["credits"]!.GetValue<long>());
    }

    [Fact]
    public async Task Automatic_jobs_queue_then_rise_then_complete_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, JobDuration = TimeSpan.FromSeconds(10) });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var id = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "k")).Text);

        var seen = new List<(string Status, int? Progress)>();
        foreach (var seconds in new[] { 0, 1, 3, 3, 2, 1 }) // at 0, 1, 4, 7, 9 and 10 s
        {
            time.Advance(TimeSpan.FromSeconds(seconds));
            var job = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"v2/jobs/{id}", fake.ApiKey)).Text)!;
            seen.Add((job["status"]!.GetValue<string>(), job["progress"]?.GetValue<int>()));
        }

        Assert.Equal([("QUEUED", 0), ("QUEUED", 0), ("PROCESSING", 25), ("PROCESSING", 62), ("PROCESSING", 87), ("COMPLETED", 100)], seen);
        var done = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"v2/jobs/{id}", fake.ApiKey)).Text)!;
        Assert.Equal(fake.ImageUrl(id).AbsoluteUri, done["result"]!["images"]![0]!.GetValue<string>());
        Assert.Equal("2026-03-15T10:00:10.000Z", done["completedAt"]!.GetValue<string>());
        Assert.Equal("2026-03-15T10:00:00.000Z", done["createdAt"]!.GetValue<string>());
        Assert.False(done["expired"]!.GetValue<bool>());
        Assert.Equal(7, fake.PollCount(id));
    }

    [Fact]
    public async Task Planned_outcomes_and_holds_apply_to_automatic_jobs()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, JobDuration = TimeSpan.FromSeconds(10) });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        fake.PlanNextJobs(FakeJobPlan.Stuck(atProgress: 40));
        fake.PlanNextJobs(FakeJobPlan.Fails("nope"));
        fake.PlanNextJobs(FakeJobPlan.Cancelled());
        var stuck = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "1")).Text);
        var failing = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "2")).Text);
        var cancelled = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "3")).Text);
        var held = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "4")).Text);
        time.Advance(TimeSpan.FromSeconds(5));
        fake.HoldJob(held);

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(("PROCESSING", (int?)40), (fake.GetJob(stuck).Status, fake.GetJob(stuck).Progress));
        Assert.Equal(("FAILED", "nope"), (fake.GetJob(failing).Status, fake.GetJob(failing).Error));
        Assert.Equal("CANCELLED", fake.GetJob(cancelled).Status);
        Assert.Equal(("PROCESSING", (int?)37), (fake.GetJob(held).Status, fake.GetJob(held).Progress));
        fake.ReleaseJob(held);
        Assert.Equal("COMPLETED", fake.GetJob(held).Status);
    }

    [Fact]
    public async Task Manual_jobs_move_only_when_the_test_says()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var id = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "k")).Text);

        Assert.Equal("QUEUED", fake.GetJob(id).Status);
        Assert.Equal(("PROCESSING", (int?)40), Describe(fake.StepJob(id, 40)));
        Assert.Equal(("PROCESSING", (int?)80), Describe(fake.StepJob(id, 40)));
        Assert.Equal(("COMPLETED", (int?)100), Describe(fake.StepJob(id, 40)));
        Assert.Throws<InvalidOperationException>(() => fake.FailJob(id));
        Assert.Throws<KeyNotFoundException>(() => fake.CompleteJob(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Job_lookups_check_the_id_and_the_owner()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        Assert.Equal((400, """{"error":"Invalid job id: must be a UUID"}"""), await SendAsync(http, HttpMethod.Get, "v2/jobs/42", fake.ApiKey));
        Assert.Equal((404, """{"error":"Job not found"}"""), await SendAsync(http, HttpMethod.Get, $"v2/jobs/{Guid.NewGuid()}", fake.ApiKey));
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Get, "v2/nothing-here", fake.ApiKey)).Status);
        Assert.Equal(405, (await SendAsync(http, HttpMethod.Delete, "v2/me", fake.ApiKey)).Status);
        Assert.All(fake.Requests, r => Assert.StartsWith("req_", r.RequestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_job_list_pages_newest_first_and_filters()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, Mode = FakeJobMode.Manual });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, $"k{i}")).Text));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        fake.FailJob(ids[1]);
        var listed = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "v2/jobs?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), fake.ApiKey)).Text)!;
            listed.AddRange(page["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, page["hasMore"]!.GetValue<bool>());
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Equal(3, pages);
        var failedOnly = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "v2/jobs?status=FAILED&include_models=true", fake.ApiKey)).Text)!;
        Assert.Equal([ids[1]], failedOnly["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));
        Assert.Equal("seedream-5-lite", failedOnly["models"]![0]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "v2/jobs?model=seedream-4", fake.ApiKey)).Text)!["jobs"]!.AsArray());
        Assert.Equal(400, (await SendAsync(http, HttpMethod.Get, "v2/jobs?limit=101", fake.ApiKey)).Status);
        Assert.Equal(400, (await SendAsync(http, HttpMethod.Get, "v2/jobs?cursor=garbage", fake.ApiKey)).Status);
    }

    [Fact]
    public async Task The_cdn_serves_real_images_only_for_completed_unexpired_jobs_and_never_asks_for_a_key()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var png = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "png")).Text);
        var jpg = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body.Replace("\"png\"", "\"jpg\"", StringComparison.Ordinal), "jpg")).Text);

        using (var early = await http.GetAsync(fake.ImageUrl(png)))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        fake.CompleteJob(png);
        fake.CompleteJob(jpg);
        using (var image = await http.GetAsync(fake.ImageUrl(png)))
        {
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal((64, 64), PngChecker.Check(await image.Content.ReadAsByteArrayAsync()));
            Assert.True(image.Headers.Contains("x-request-id"));
        }

        using (var jpeg = await http.GetAsync(fake.ImageUrl(jpg)))
        {
            Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
            Assert.True(FakeImages.IsJpeg(await jpeg.Content.ReadAsByteArrayAsync()));
            Assert.EndsWith($"{jpg}-1.jpg", fake.ImageUrl(jpg).AbsolutePath, StringComparison.Ordinal);
        }

        fake.ExpireJob(png);
        using (var expired = await http.GetAsync(fake.ImageUrl(png)))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }

        Assert.Equal(4, fake.CdnDownloads);
        Assert.True(JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"v2/jobs/{png}", fake.ApiKey)).Text)!["expired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Result_images_can_be_made_large_enough_to_exceed_an_upload_limit()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, ResultImageBytes = 11_000_000 });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var id = JobIdOf((await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "big")).Text);
        fake.CompleteJob(id);

        var bytes = await http.GetByteArrayAsync(fake.ImageUrl(id));

        Assert.InRange(bytes.Length, 11_000_000 - 1537, 11_000_000);
        Assert.Equal(512, PngChecker.Check(bytes).Width);
    }

    [Fact]
    public void Jpegs_have_the_baseline_structure_and_can_be_padded()
    {
        var small = FakeImages.Jpeg(13, 7);
        var padded = FakeImages.Jpeg(64, 64, 200_000);

        Assert.True(FakeImages.IsJpeg(small));
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], small[..4]);
        var sof = small.AsSpan().IndexOf((byte[])[0xFF, 0xC0]);
        Assert.Equal([0, 7, 0, 13], small[(sof + 5)..(sof + 9)]); // height 7, width 13
        Assert.InRange(padded.Length, 199_996, 200_000);
        Assert.True(FakeImages.IsJpeg(padded));
    }

    [Fact]
    public async Task Faults_apply_to_the_next_requests_of_their_route_only()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        fake.InjectFault(FakeRoute.Me, FakeFault.RateLimited(TimeSpan.FromSeconds(7)), times: 2);

        using var first = await Request(http, HttpMethod.Get, "v2/me", fake.ApiKey);
        using var second = await Request(http, HttpMethod.Get, "v2/me", fake.ApiKey);
        using var third = await Request(http, HttpMethod.Get, "v2/me", fake.ApiKey);

        Assert.Equal([429, 429, 200], new[] { first, second, third }.Select(r => (int)r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal([429, 429, 200], fake.RequestsTo(FakeRoute.Me).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_hanging_fault_never_answers_until_the_client_gives_up()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        fake.InjectFault(FakeRoute.Me, FakeFault.Hang());
        using var giveUp = new CancellationTokenSource();

        var pending = Request(http, HttpMethod.Get, "v2/me", fake.ApiKey, cancellationToken: giveUp.Token);
        var recorded = await fake.WaitForRequestAsync(r => r.Route == FakeRoute.Me);
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Null(recorded.StatusCode);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_headers_and_body()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        await SendAsync(http, HttpMethod.Post, "v2/images/generate", fake.ApiKey, Body, "recorded");

        var request = Assert.Single(fake.Requests);
        Assert.Equal((1L, FakeRoute.Generate, "POST", "/v2/images/generate"), (request.Sequence, request.Route, request.Method, request.Path));
        Assert.Equal("recorded", request.Header("idempotency-key"));
        Assert.Equal(fake.ApiKey, request.Header("X-API-KEY"));
        Assert.Equal(Body, request.Body);
        Assert.Equal(202, request.StatusCode);
        Assert.Equal(1, fake.GenerateCalls);
        Assert.Equal(1, fake.JobsCreated);
    }

    [Fact]
    public async Task WaitFor_helpers_give_up_with_a_description_of_what_they_saw()
    {
        await using var fake = await FakeApiframeServer.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForJobsCreatedAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("wanted 1 job(s), have 0", error.Message, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-15T10:00:00Z", CultureInfo.InvariantCulture);

    private static (string Status, int? Progress) Describe(FakeJobSnapshot job) => (job.Status, job.Progress);

    private static string JobIdOf(string accepted) => JsonNode.Parse(accepted)!["jobId"]!.GetValue<string>();

    private static async Task<(int Status, string Text)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? apiKey, string? body = null, string? idempotencyKey = null)
    {
        using var response = await Request(http, method, path, apiKey, body, idempotencyKey);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> Request(
        HttpClient http, HttpMethod method, string path, string? apiKey, string? body = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request, cancellationToken);
        Assert.True(response.Headers.Contains("x-request-id"), $"{method} {path} answered without x-request-id");
        return response;
    }
}
