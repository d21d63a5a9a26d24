using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Neither the client nor the fake may drift from Apiframe's published contract: every body the client sends is
/// checked against the seedream-5-lite request schema, and every kind of answer the fake gives against the schema the
/// OpenAPI document names for that route and status. Skipped when ../shared is not beside the repository.
/// </summary>
public sealed class ApiframeContractTests
{
    private const string Generate = "/v2/images/generate";
    private const string JobById = "/v2/jobs/{id}";
    private const string JobList = "/v2/jobs";
    private const string Me = "/v2/me";

    [SkippableFact]
    public async Task Every_body_the_client_sends_matches_the_seedream_5_lite_request_schema()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        var schema = await ApiframeOpenApi.GenerateRequestVariantAsync("seedream-5-lite");
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, TeamCredits = 100_000 });
        await using var host = SeedreamTestHost.Create(fake);

        var requests = new List<GenerationRequest>();
        string[] oneImage = ["https://cdn.discordapp.com/attachments/1/2/in.png?ex=68&is=67&hm=ab"];
        foreach (var size in ImageSizes.WireValues)
        {
            foreach (var format in OutputFormats.WireValues)
            {
                foreach (var aspect in AspectRatios.All)
                {
                    requests.Add(GenerationRequestValidator.Validate("a cat", size, aspect, format, oneImage).Request!);
                }

                requests.Add(GenerationRequestValidator.Validate("no images", size, "16:9", format).Request!);
            }
        }

        requests.Add(GenerationRequestValidator.Validate(new string('p', 2000)).Request!);
        requests.Add(GenerationRequestValidator.Validate("“ünïcødé” ✨ 猫 \"quoted\" \\ backslash").Request!);
        requests.Add(GenerationRequestValidator.Validate("blend", inputImageUrls: [.. Enumerable.Range(0, 14).Select(i => $"https://example.com/{i}.jpg")]).Request!);

        foreach (var request in requests)
        {
            var result = await host.Client.SubmitAsync(request, SeedreamTestData.NewKey(), CancellationToken.None);
            Assert.True(result.Succeeded, result.ToString());
        }

        var bodies = fake.RequestsTo(FakeRoute.Generate);
        Assert.Equal(requests.Count, bodies.Count);
        foreach (var body in bodies)
        {
            ApiframeOpenApi.AssertValid(schema, body.Body, "A client request body");
        }
    }

    [SkippableFact]
    public async Task With_webhooks_on_the_body_still_matches_the_schema_and_subscribes_to_every_event_it_names()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        var schema = await ApiframeOpenApi.GenerateRequestVariantAsync("seedream-5-lite");
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, TeamCredits = 100_000 });
        await using var host = SeedreamTestHost.Create(fake, settings => settings["Apiframe:WebhookUrl"] = "https://bot.example.com/webhooks/apiframe?x=1");

        var result = await host.Client.SubmitAsync(GenerationRequestValidator.Validate("a cat").Request!, SeedreamTestData.NewKey(), CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        var body = Assert.Single(fake.RequestsTo(FakeRoute.Generate)).Body;
        ApiframeOpenApi.AssertValid(schema, body, "A client request body with webhooks");
        var events = schema.ActualSchema.ActualProperties["webhookEvents"].ActualSchema.Item!.ActualSchema.Enumeration.Select(e => e!.ToString()).Order();
        Assert.Equal(events, JsonNode.Parse(body)!["webhookEvents"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
    }

    [SkippableFact]
    public async Task The_request_schema_check_is_strict_enough_to_catch_a_drifting_client()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        var schema = await ApiframeOpenApi.GenerateRequestVariantAsync("seedream-5-lite");

        Assert.NotEmpty(schema.Validate("""{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"size":"2K","negative_prompt":"x"}}"""));
        Assert.NotEmpty(schema.Validate("""{"prompt":"p","model":"seedream-5-lite","extra":1}"""));
        Assert.NotEmpty(schema.Validate("""{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"output_format":"jpeg"}}"""));
        Assert.NotEmpty(schema.Validate("""{"prompt":"","model":"seedream-5-lite"}"""));

        // The response schemas bite too, so a drifting fake would be caught.
        Assert.NotEmpty((await ApiframeOpenApi.ComponentAsync("JobAccepted")).Validate("""{"jobId":"job-1","status":"QUEUED"}"""));
        Assert.NotEmpty((await ApiframeOpenApi.ComponentAsync("Job")).Validate("""{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","status":"DONE"}"""));
        Assert.NotEmpty((await ApiframeOpenApi.ComponentAsync("InsufficientCredits")).Validate("""{"error":"Insufficient credits","creditsRequired":4}"""));
        Assert.NotEmpty((await ApiframeOpenApi.ComponentAsync("JobList")).Validate("""{"jobs":[],"hasMore":false}"""));
    }

    [SkippableFact]
    public async Task Every_answer_of_the_fake_matches_the_schema_the_document_names_for_it()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        const string Inactive = "afk_inactive_contract";
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, InactiveApiKeys = [Inactive] });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        var checker = new AnswerChecker(http, fake.ApiKey);

        // POST /v2/images/generate
        var accepted = await checker.PostAsync(Generate, ValidBody(), idempotencyKey: "c1", expected: 202);
        var jobId = JsonNode.Parse(accepted)!["jobId"]!.GetValue<string>();
        await checker.PostAsync(Generate, ValidBody(), idempotencyKey: "c1", expected: 202);
        await checker.PostAsync(Generate, """{"prompt":"","model":"seedream-5-lite","seedreamParams":{"foo":1,"output_format":"gif","image_input":["not a uri"]}}""", expected: 400);
        await checker.PostAsync(Generate, "{not json", expected: 400);
        await checker.PostAsync(Generate, ValidBody(), idempotencyKey: new string('k', 256), expected: 400);
        await checker.PostAsync(Generate, ValidBody(), apiKey: null, expected: 401);
        await checker.PostAsync(Generate, ValidBody(), apiKey: "afk_unknown", expected: 401);
        await checker.PostAsync(Generate, ValidBody(), apiKey: Inactive, expected: 403);
        fake.InjectFault(FakeRoute.Generate, FakeFault.InsufficientCredits());
        await checker.PostAsync(Generate, ValidBody(), expected: 402);
        fake.InjectFault(FakeRoute.Generate, FakeFault.RateLimited(TimeSpan.FromSeconds(2)));
        await checker.PostAsync(Generate, ValidBody(), expected: 429);
        fake.InjectFault(FakeRoute.Generate, FakeFault.ServiceUnavailable());
        await checker.PostAsync(Generate, ValidBody(), expected: 503);
        // 409 is the SDK's documented answer to a replayed key with another body; the OpenAPI file does not list it.
        await checker.PostAsync(Generate, ValidBody("other"), idempotencyKey: "c1", expected: 409, undocumentedSchema: "ErrorResponse");

        // GET /v2/jobs/{id} through the whole status machine
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 200);
        fake.SetProgress(jobId, 40);
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 200);
        fake.CompleteJob(jobId);
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 200);
        fake.ExpireJob(jobId);
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 200);
        foreach (var shape in Enum.GetValues<FakeResultShape>())
        {
            var id = await SubmitAsync(checker, shape.ToString());
            fake.CompleteJob(id, shape);
            await checker.GetAsync(JobById, $"/v2/jobs/{id}", 200);
        }

        var failed = await SubmitAsync(checker, "failed");
        fake.FailJob(failed);
        await checker.GetAsync(JobById, $"/v2/jobs/{failed}", 200);
        var cancelled = await SubmitAsync(checker, "cancelled");
        fake.CancelJob(cancelled);
        await checker.GetAsync(JobById, $"/v2/jobs/{cancelled}", 200);
        await checker.PostAsync(Generate, ValidBody("cancelled"), idempotencyKey: "cancelled", expected: 202);
        await checker.GetAsync(JobById, "/v2/jobs/not-a-uuid", 400);
        await checker.GetAsync(JobById, $"/v2/jobs/{Guid.NewGuid()}", 404);
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 401, apiKey: null);
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 403, apiKey: Inactive);
        fake.InjectFault(FakeRoute.GetJob, FakeFault.RateLimited(TimeSpan.FromSeconds(1)));
        await checker.GetAsync(JobById, $"/v2/jobs/{jobId}", 429);

        // GET /v2/jobs
        var firstPage = JsonNode.Parse(await checker.GetAsync(JobList, "/v2/jobs?limit=2&include_models=true", 200))!;
        Assert.True(firstPage["hasMore"]!.GetValue<bool>());
        await checker.GetAsync(JobList, $"/v2/jobs?limit=2&cursor={Uri.EscapeDataString(firstPage["nextCursor"]!.GetValue<string>())}", 200);
        await checker.GetAsync(JobList, "/v2/jobs?status=FAILED&model=seedream-5-lite&scope=team", 200);
        await checker.GetAsync(JobList, "/v2/jobs?status=CANCELLED&search=" + Guid.NewGuid(), 200);
        await checker.GetAsync(JobList, "/v2/jobs?limit=0&status=DONE&cursor=%%%", 400);
        await checker.GetAsync(JobList, "/v2/jobs", 401, apiKey: "afk_unknown");
        await checker.GetAsync(JobList, "/v2/jobs", 403, apiKey: Inactive);

        // GET /v2/me
        await checker.GetAsync(Me, "/v2/me", 200);
        await checker.GetAsync(Me, "/v2/me", 401, apiKey: null);
        await checker.GetAsync(Me, "/v2/me", 403, apiKey: Inactive);

        Assert.True(checker.Checked >= 40, $"only {checker.Checked} answers were checked");

        // The bad bodies above were sent on purpose; the fake reported each, and nothing else.
        var violations = await fake.TakeContractViolationsAsync();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("POST /v2/images/generate:", v, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_fakes_hand_written_validation_agrees_with_the_request_schema()
    {
        Skip.IfNot(ApiframeOpenApi.IsAvailable, SharedReference.MissingReason);
        var schema = await ApiframeOpenApi.GenerateRequestVariantAsync("seedream-5-lite");
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual, TeamCredits = 100_000 });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        string[] bodies =
        [
            """{"prompt":"p","model":"seedream-5-lite"}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"size":"3K","aspect_ratio":"21:9","output_format":"jpg"}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"image_input":["https://a.example/1.png"],"seed":42,"guidance_scale":7.5,"enhance_prompt":true,"use_pre_llm":false,"width":1024,"height":4096,"resolution":"x"}}""",
            """{"prompt":"p","model":"seedream-5-lite","webhookUrl":"https://hooks.example/x","webhookEvents":["completed","failed"]}""",
            """{"model":"seedream-5-lite"}""",
            """{"prompt":"p"}""",
            """{"prompt":"","model":"seedream-5-lite"}""",
            """{"prompt":42,"model":"seedream-5-lite"}""",
            "{\"prompt\":\"" + new string('p', 2001) + "\",\"model\":\"seedream-5-lite\"}",
            """{"prompt":"p","model":"seedream-5-lite","negative_prompt":"x"}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"strength":0.5}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"output_format":"webp"}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"image_input":"https://a.example/1.png"}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"image_input":["not a uri"]}}""",
            "{\"prompt\":\"p\",\"model\":\"seedream-5-lite\",\"seedreamParams\":{\"image_input\":[" + string.Join(',', Enumerable.Range(0, 15).Select(i => $"\"https://a.example/{i}.png\"")) + "]}}",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"width":100}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"seed":1.5}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"guidance_scale":11}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"enhance_prompt":"yes"}}""",
            """{"prompt":"p","model":"seedream-5-lite","seedreamParams":"2K"}""",
            """{"prompt":"p","model":"seedream-5-lite","webhookEvents":[]}""",
            """{"prompt":"p","model":"seedream-5-lite","webhookEvents":["started"]}""",
            """{"prompt":"p","model":"seedream-5-lite","webhookUrl":"not a url"}""",
        ];

        foreach (var body in bodies)
        {
            var schemaAccepts = schema.Validate(body).Count == 0;
            using var response = await http.SendAsync(Post(body, fake.ApiKey, Guid.NewGuid().ToString()));
            var fakeAccepts = response.StatusCode == HttpStatusCode.Accepted;
            Assert.True(schemaAccepts == fakeAccepts, $"schema {(schemaAccepts ? "accepts" : "rejects")} but the fake answered {(int)response.StatusCode}: {body}");

            // The fake's own contract check, which every end-to-end test runs, reports exactly the refused bodies.
            var violations = await fake.TakeContractViolationsAsync();
            Assert.True(fakeAccepts == (violations.Count == 0), $"{body}: {string.Join("; ", violations)}");
        }

        // The one rule beyond the schema (a free string there): seedream-5-lite's sizes, from its model page.
        const string FourK = """{"prompt":"p","model":"seedream-5-lite","seedreamParams":{"size":"4K"}}""";
        Assert.Empty(schema.Validate(FourK));
        using var fourK = await http.SendAsync(Post(FourK, fake.ApiKey, "4k"));
        Assert.Equal(HttpStatusCode.BadRequest, fourK.StatusCode);
        Assert.Contains("Invalid size for seedream-5-lite", Assert.Single(await fake.TakeContractViolationsAsync()), StringComparison.Ordinal);
    }

    private static string ValidBody(string prompt = "contract") =>
        $$$"""{"prompt":"{{{prompt}}}","model":"seedream-5-lite","seedreamParams":{"size":"2K","aspect_ratio":"1:1","output_format":"png"}}""";

    private static async Task<string> SubmitAsync(AnswerChecker checker, string prompt)
    {
        var accepted = await checker.PostAsync(Generate, ValidBody(prompt), idempotencyKey: prompt, expected: 202);
        return JsonNode.Parse(accepted)!["jobId"]!.GetValue<string>();
    }

    private static HttpRequestMessage Post(string body, string? apiKey, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>Sends one request, checks status, <c>x-request-id</c> and the body against the documented schema.</summary>
    private sealed class AnswerChecker(HttpClient http, string validKey)
    {
        /// <summary>Stands for "the fake's valid key"; null means no key header at all.</summary>
        public const string ValidKey = "(valid key)";

        public int Checked { get; private set; }

        public Task<string> PostAsync(
            string route, string body, int expected, string? idempotencyKey = null, string? apiKey = ValidKey, string? undocumentedSchema = null) =>
            SendAsync(route, "post", Post(body, apiKey == ValidKey ? validKey : apiKey, idempotencyKey), expected, undocumentedSchema);

        public Task<string> GetAsync(string route, string url, int expected, string? apiKey = ValidKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url.TrimStart('/'));
            if ((apiKey == ValidKey ? validKey : apiKey) is { } key)
            {
                request.Headers.Add("X-API-Key", key);
            }

            return SendAsync(route, "get", request, expected, null);
        }

        private async Task<string> SendAsync(string route, string method, HttpRequestMessage request, int expected, string? undocumentedSchema)
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode == expected, $"{method} {request.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {body}");
                Assert.True(response.Headers.Contains("x-request-id"), "every answer carries x-request-id");

                string schemaName;
                if (undocumentedSchema is not null)
                {
                    Assert.DoesNotContain(expected, ApiframeOpenApi.DocumentedStatuses(route, method));
                    schemaName = undocumentedSchema;
                }
                else
                {
                    Assert.Contains(expected, ApiframeOpenApi.DocumentedStatuses(route, method));
                    schemaName = ApiframeOpenApi.ResponseSchemaName(route, method, expected)
                                 ?? throw new InvalidOperationException($"{method} {route} {expected} has no JSON schema in the document.");
                }

                var schema = await ApiframeOpenApi.ComponentAsync(schemaName);
                ApiframeOpenApi.AssertValid(schema, body, $"{method} {request.RequestUri} → {expected} ({schemaName})");
                Checked++;
                return body;
            }
        }
    }
}
