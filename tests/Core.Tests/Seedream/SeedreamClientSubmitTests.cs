using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>POST /v2/images/generate over a real loopback socket against the fake Apiframe.</summary>
public sealed class SeedreamClientSubmitTests
{
    [Fact]
    public async Task A_submission_sends_the_documented_body_and_headers_and_returns_the_job()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        var request = GenerationRequestValidator.Validate(
            "a koi pond", size: "3K", aspectRatio: "16:9", format: "jpg", inputImageUrls: ["https://example.com/a.png", "https://example.com/b.png"]).Request!;

        var result = await host.Client.SubmitAsync(request, "gen-123", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JobStatus.Queued, result.Value.Status);
        var job = Assert.Single(fake.Jobs);
        Assert.Equal(job.Id, result.Value.JobId);

        var sent = Assert.Single(fake.RequestsTo(FakeRoute.Generate));
        Assert.Equal(fake.ApiKey, sent.Header("X-API-Key"));
        Assert.Equal("gen-123", sent.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", sent.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal(
            """{"prompt":"a koi pond","model":"seedream-5-lite","seedreamParams":{"size":"3K","aspect_ratio":"16:9","output_format":"jpg","image_input":["https://example.com/a.png","https://example.com/b.png"]}}""",
            JsonSerializer.Serialize(body.RootElement));
    }

    [Fact]
    public async Task Without_input_images_the_body_has_no_image_input_and_the_model_comes_from_configuration()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, settings => settings["Apiframe:Model"] = "seedream-4.5");

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request("a fox"), "k1", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        var sent = Assert.Single(fake.RequestsTo(FakeRoute.Generate));
        Assert.Equal(
            """{"prompt":"a fox","model":"seedream-4.5","seedreamParams":{"size":"2K","aspect_ratio":"1:1","output_format":"png"}}""",
            sent.Body);
    }

    [Fact]
    public async Task Resubmitting_with_the_same_key_returns_the_same_job_even_from_a_new_client()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        var request = SeedreamTestData.Request();
        string firstId;
        await using (var beforeRestart = SeedreamTestHost.Create(fake))
        {
            var first = await beforeRestart.Client.SubmitAsync(request, "stable-key", CancellationToken.None);
            firstId = first.Value!.JobId;
        }

        fake.SetProgress(firstId, 50);
        await using var afterRestart = SeedreamTestHost.Create(fake);
        var second = await afterRestart.Client.SubmitAsync(request, "stable-key", CancellationToken.None);

        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(firstId, second.Value.JobId);
        Assert.Equal(JobStatus.Processing, second.Value.Status);
        Assert.Equal(1, fake.JobsCreated);
        Assert.Equal(996, fake.TeamCredits);
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_request_is_a_conflict()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        await host.Client.SubmitAsync(SeedreamTestData.Request("one"), "same", CancellationToken.None);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request("two"), "same", CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Conflict, result.Failure?.Kind);
        Assert.Equal(409, result.Failure!.StatusCode);
        Assert.Equal(2, fake.GenerateCalls); // the original and the conflicting call, which is not retried
    }

    [Fact]
    public async Task A_400_becomes_InvalidRequest_with_Apiframes_details_and_is_not_retried()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        // Valid for our validator, refused by Apiframe's (the model's sizes are the server's business).
        await using var other = SeedreamTestHost.Create(fake, settings => settings["Apiframe:Model"] = "seedream-4");
        var request = GenerationRequestValidator.Validate("p", size: "3K").Request!;

        var result = await other.Client.SubmitAsync(request, "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.InvalidRequest, failure.Kind);
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal(["Invalid size for seedream-4. Expected '1K' | '2K' | '4K' | 'custom'"], failure.Details!["seedreamParams.size"]);
        Assert.Equal(
            "Apiframe rejected the request: Validation failed (seedreamParams.size: Invalid size for seedream-4. Expected '1K' | '2K' | '4K' | 'custom').",
            failure.Message);
        Assert.False(failure.IsOperatorProblem);
        Assert.Equal(fake.RequestsTo(FakeRoute.Generate)[0].RequestId, failure.RequestId);
        Assert.Equal(1, fake.GenerateCalls);
        Assert.Contains("Invalid size for seedream-4", Assert.Single(await fake.TakeContractViolationsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_a_401_operator_problem()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, apiKey: "afk_not_a_real_key");

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.Unauthorized, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.True(failure.IsOperatorProblem);
        Assert.Equal(
            "Apiframe refused the bot's API key (Invalid API key). The bot's operator must put a valid, active key in Apiframe__ApiKey.",
            failure.Message);
        Assert.NotNull(failure.RequestId);
        Assert.Equal(1, fake.GenerateCalls);
    }

    [Fact]
    public async Task An_inactive_key_is_a_403_operator_problem()
    {
        const string Inactive = "afk_deactivated_0001";
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { InactiveApiKeys = [Inactive] });
        await using var host = SeedreamTestHost.Create(fake, apiKey: Inactive);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.Unauthorized, failure.Kind);
        Assert.Equal(403, failure.StatusCode);
        Assert.Contains("(API key is inactive)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.GenerateCalls);
    }

    [Fact]
    public async Task An_empty_team_balance_is_a_402_with_both_numbers()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TeamCredits = 3 });
        await using var host = SeedreamTestHost.Create(fake);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.InsufficientCredits, failure.Kind);
        Assert.Equal(402, failure.StatusCode);
        Assert.Equal(4, failure.CreditsRequired);
        Assert.Equal(3, failure.CreditsAvailable);
        Assert.True(failure.IsOperatorProblem);
        Assert.Equal(
            "The bot's Apiframe team is out of credits: this image needs 4 credits and 3 are left. The bot's operator must top up the Apiframe account.",
            failure.Message);
        Assert.Equal(0, fake.JobsCreated);
        Assert.Equal(1, fake.GenerateCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_exactly_the_Retry_After_it_asked_for()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake, SlowClock, time);
        fake.InjectFault(FakeRoute.Generate, FakeFault.RateLimited(TimeSpan.FromSeconds(30)));

        var result = await FakeClock.RunAsync(
            time, () => host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.True(result.Succeeded, result.ToString());
        var attempts = fake.RequestsTo(FakeRoute.Generate);
        Assert.Equal([429, 202], attempts.Select(a => a.StatusCode));
        // Without Retry-After the client's own backoff would have waited about a second.
        Assert.True(attempts[1].Timestamp - attempts[0].Timestamp >= TimeSpan.FromSeconds(30), $"{attempts[0].Timestamp:O} → {attempts[1].Timestamp:O}");
        Assert.Equal(1, fake.JobsCreated);
    }

    [Fact]
    public async Task A_Retry_After_given_as_an_HTTP_date_is_honoured_too()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake, SlowClock, time);
        fake.InjectFault(FakeRoute.Generate, FakeFault.RateLimited(TimeSpan.FromSeconds(20), asDate: true));

        var result = await FakeClock.RunAsync(
            time, () => host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.True(result.Succeeded, result.ToString());
        var attempts = fake.RequestsTo(FakeRoute.Generate);
        Assert.True(attempts[1].Timestamp - attempts[0].Timestamp >= TimeSpan.FromSeconds(19), $"{attempts[0].Timestamp:O} → {attempts[1].Timestamp:O}");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_ends_the_call_as_RateLimited_at_once()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, settings => settings["Apiframe:MaxRetryAfter"] = "00:00:10");
        fake.InjectFault(FakeRoute.Generate, FakeFault.RateLimited(TimeSpan.FromSeconds(90)));

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
        Assert.Equal("Apiframe is rate-limiting the bot and asked it to wait 90 s.", failure.Message);
        Assert.Equal(1, fake.GenerateCalls);
    }

    [Fact]
    public async Task A_429_storm_outlasting_the_retries_is_RateLimited()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.RateLimited(TimeSpan.Zero), times: 10);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.RateLimited, result.Failure?.Kind);
        Assert.Equal(4, fake.GenerateCalls); // one try and MaxRetryAttempts (3) retries
        Assert.Equal(0, fake.JobsCreated);
    }

    [Fact]
    public async Task A_503_storm_that_ends_creates_exactly_one_job_thanks_to_the_idempotency_key()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        // Each 503 comes after Apiframe had already created the job: only the answer was lost.
        fake.InjectFault(FakeRoute.Generate, FakeFault.ServiceUnavailable(afterProcessing: true), times: 3);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([503, 503, 503, 202], fake.RequestsTo(FakeRoute.Generate).Select(r => r.StatusCode));
        Assert.All(fake.RequestsTo(FakeRoute.Generate), r => Assert.Equal("k", r.Header("Idempotency-Key")));
        Assert.Equal(1, fake.JobsCreated);
        Assert.Equal(fake.Jobs[0].Id, result.Value.JobId);
        Assert.Equal(996, fake.TeamCredits);
    }

    [Fact]
    public async Task A_503_storm_outlasting_the_retries_is_Unavailable()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.ServiceUnavailable(), times: 10);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.Unavailable, failure.Kind);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(
            "Apiframe is unavailable right now (HTTP 503: Service temporarily unavailable). Try again in a few minutes.",
            failure.Message);
        Assert.Equal(fake.RequestsTo(FakeRoute.Generate)[^1].RequestId, failure.RequestId);
        Assert.Equal(4, fake.GenerateCalls);
    }

    [Fact]
    public async Task A_hanging_response_times_out_and_the_retry_finds_the_same_job()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, settings => settings["Apiframe:RequestTimeout"] = "00:00:00.300");
        fake.InjectFault(FakeRoute.Generate, FakeFault.Hang(afterProcessing: true));

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        var attempts = fake.RequestsTo(FakeRoute.Generate);
        Assert.Equal(2, attempts.Count);
        Assert.Null(attempts[0].StatusCode); // never answered
        Assert.Equal(202, attempts[1].StatusCode);
        Assert.Equal(1, fake.JobsCreated);
        Assert.Equal(fake.Jobs[0].Id, result.Value.JobId);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.Disconnect(afterProcessing: true), times: 2);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(3, fake.GenerateCalls);
        Assert.Equal(1, fake.JobsCreated);
    }

    [Fact]
    public async Task An_unreachable_Apiframe_is_Unavailable_not_an_exception()
    {
        Uri closed;
        await using (var gone = await FakeApiframeServer.StartAsync())
        {
            closed = gone.BaseUrl;
        }

        var settings = new Dictionary<string, string?>
        {
            ["Apiframe:ApiKey"] = FakeApiframeOptions.DefaultApiKey,
            ["Apiframe:BaseUrl"] = closed.AbsoluteUri,
            ["Apiframe:RetryBaseDelay"] = "00:00:00.001",
            ["Apiframe:MaxRetryAttempts"] = "1",
        };
        await using var host = SeedreamTestHost.Create(settings);

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unavailable, result.Failure?.Kind);
        Assert.StartsWith("Could not reach Apiframe for the generate call", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_an_exception_not_a_failure()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.Hang());
        using var cancel = new CancellationTokenSource();

        var submit = host.Client.SubmitAsync(SeedreamTestData.Request(), "k", cancel.Token);
        await fake.WaitForRequestAsync(r => r.Route == FakeRoute.Generate);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task An_idempotency_key_Apiframe_cannot_take_is_a_programming_error(string key)
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SubmitAsync(SeedreamTestData.Request(), key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SubmitAsync(SeedreamTestData.Request(), new string('k', 256), CancellationToken.None));
        Assert.Equal(0, fake.GenerateCalls);
    }

    [Fact]
    public async Task The_account_call_reports_the_teams_remaining_credits()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TeamCredits = 250 });
        await using var host = SeedreamTestHost.Create(fake);
        await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var result = await host.Client.GetAccountAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(new ApiframeAccount(246, "Fake Team", "pro"), result.Value);
        Assert.Equal(fake.ApiKey, fake.RequestsTo(FakeRoute.Me)[0].Header("X-API-Key"));
    }

    [Fact]
    public async Task The_account_call_with_a_bad_key_is_Unauthorized()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, apiKey: "afk_wrong");

        var result = await host.Client.GetAccountAsync(CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unauthorized, result.Failure?.Kind);
    }

    /// <summary>Under a pumped fake clock the attempt timeout must not fire while a real request is in flight.</summary>
    private static void SlowClock(Dictionary<string, string?> settings)
    {
        settings["Apiframe:RequestTimeout"] = "00:10:00";
        settings["Apiframe:RetryBaseDelay"] = "00:00:01";
        settings["Apiframe:MaxRetryAfter"] = "00:01:00";
    }
}
