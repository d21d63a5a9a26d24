using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>GET /v2/jobs/{id} polling over a real loopback socket against the fake Apiframe.</summary>
public sealed class SeedreamClientPollingTests
{
    [Fact]
    public async Task Progress_is_reported_as_it_changes_until_the_job_completes()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        var progress = new RecordingProgress();

        var waiting = host.Client.WaitForCompletionAsync(jobId, progress, CancellationToken.None);
        await progress.WaitForAsync(new JobProgress(JobStatus.Queued, 0));
        fake.SetProgress(jobId, 30);
        await progress.WaitForAsync(new JobProgress(JobStatus.Processing, 30));
        fake.SetProgress(jobId, 65);
        await progress.WaitForAsync(new JobProgress(JobStatus.Processing, 65));
        fake.CompleteJob(jobId);
        var result = await waiting;

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(jobId, result.Value.JobId);
        Assert.Equal(4, result.Value.CreditCost);
        Assert.Equal([fake.ImageUrl(jobId)], result.Value.ImageUrls);
        // Each state is reported once, however often it was polled.
        Assert.Equal(
            [new(JobStatus.Queued, 0), new(JobStatus.Processing, 30), new(JobStatus.Processing, 65), new(JobStatus.Completed, 100)],
            progress.Reports);
        Assert.True(fake.PollCount(jobId) >= 4);
        Assert.All(fake.RequestsTo(FakeRoute.GetJob), r => Assert.Equal(fake.ApiKey, r.Header("X-API-Key")));
    }

    [Fact]
    public async Task Progress_never_goes_backwards_within_a_status()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        var progress = new RecordingProgress();
        fake.SetProgress(jobId, 50);

        var waiting = host.Client.WaitForCompletionAsync(jobId, progress, CancellationToken.None);
        await progress.WaitForAsync(new JobProgress(JobStatus.Processing, 50));
        fake.SetProgress(jobId, 20); // an out-of-order value
        var polls = fake.PollCount(jobId);
        await fake.WaitForPollsAsync(jobId, polls + 2);
        fake.CompleteJob(jobId);
        await waiting;

        Assert.Equal([new(JobStatus.Processing, 50), new(JobStatus.Completed, 100)], progress.Reports);
    }

    [Theory]
    [InlineData(FakeResultShape.Images)]
    [InlineData(FakeResultShape.BareString)]
    [InlineData(FakeResultShape.StringArray)]
    public async Task Every_documented_result_shape_yields_the_image_url(FakeResultShape shape)
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(50) });
        await using var host = SeedreamTestHost.Create(fake);
        fake.PlanNextJobs(FakeJobPlan.Completes(shape));
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var result = await host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([fake.ImageUrl(jobId)], result.Value.ImageUrls);
    }

    [Fact]
    public async Task A_completed_job_without_images_is_NoImages()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(50) });
        await using var host = SeedreamTestHost.Create(fake);
        fake.PlanNextJobs(FakeJobPlan.Completes(FakeResultShape.EmptyImages));
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var result = await host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.NoImages, result.Failure?.Kind);
        Assert.Equal(jobId, result.Failure!.JobId);
        Assert.Equal("Apiframe finished the job but returned no image.", result.Failure.Message);
    }

    [Fact]
    public async Task A_failed_job_carries_the_providers_reason_and_is_refunded()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(50) });
        await using var host = SeedreamTestHost.Create(fake);
        fake.PlanNextJobs(FakeJobPlan.Fails());
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var result = await host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.JobFailed, failure.Kind);
        Assert.Equal("Provider returned an error: content policy violation", failure.Message);
        Assert.Equal(jobId, failure.JobId);
        Assert.Equal(fake.RequestsTo(FakeRoute.GetJob)[^1].RequestId, failure.RequestId);
        Assert.False(failure.IsOperatorProblem);
        Assert.Equal(1000, fake.TeamCredits);
        Assert.Equal(0, fake.GetJob(jobId).CreditCost);
    }

    [Fact]
    public async Task A_failed_job_tells_what_it_cost_refunded_as_zero_and_billed_as_its_credit_cost()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var refunded = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "refunded", CancellationToken.None)).Value!.JobId;
        var billed = (await host.Client.SubmitAsync(SeedreamTestData.Request("another prompt"), "billed", CancellationToken.None)).Value!.JobId;
        fake.FailJob(refunded, "Provider returned an error: timeout");
        fake.FailJob(billed, "Provider returned an error: timeout", billed: true);

        var refundedResult = await host.Client.WaitForCompletionAsync(refunded, null, CancellationToken.None);
        var billedResult = await host.Client.WaitForCompletionAsync(billed, null, CancellationToken.None);

        Assert.Equal(0, refundedResult.Failure!.CreditCost);
        Assert.Equal(4, billedResult.Failure!.CreditCost);
        Assert.Equal(billed, billedResult.Failure.JobId);
    }

    [Fact]
    public async Task A_cancelled_job_is_JobCancelled()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var waiting = host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);
        await fake.WaitForPollsAsync(jobId, 1);
        fake.CancelJob(jobId);
        var result = await waiting;

        Assert.Equal(ApiframeFailureKind.JobCancelled, result.Failure?.Kind);
        Assert.Equal("The job was cancelled at Apiframe before it finished.", result.Failure!.Message);
    }

    [Fact]
    public async Task A_completed_job_whose_assets_were_purged_is_ResultExpired()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(50) });
        await using var host = SeedreamTestHost.Create(fake);
        fake.PlanNextJobs(FakeJobPlan.Expired());
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var result = await host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.ResultExpired, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_stuck_job_ends_as_TimedOut_after_the_default_five_minutes_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, JobDuration = TimeSpan.FromSeconds(10) });
        await using var host = SeedreamTestHost.Create(fake, SlowClock, time);
        fake.PlanNextJobs(FakeJobPlan.Stuck(atProgress: 40));
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        var started = time.GetUtcNow();

        var result = await FakeClock.RunAsync(
            time, () => host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None), TimeSpan.FromSeconds(1));

        var failure = result.Failure!;
        Assert.Equal(ApiframeFailureKind.TimedOut, failure.Kind);
        Assert.Equal("The image was not ready within 5 min (it was PROCESSING at 40%).", failure.Message);
        Assert.Equal(jobId, failure.JobId);
        var polls = fake.RequestsTo(FakeRoute.GetJob);
        Assert.True(polls[^1].Timestamp - started < TimeSpan.FromMinutes(5), "no poll after the deadline");
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromMinutes(5));
        // 5 minutes at a 5-second cap is about 60 polls, not the 150 a fixed 2-second interval would make.
        Assert.InRange(polls.Count, 50, 62);
    }

    [Fact]
    public async Task Polls_follow_the_schedule_first_after_PollInterval_then_times_one_and_a_half_up_to_the_cap()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { TimeProvider = time, Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake, SlowClock, time);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        var started = time.GetUtcNow();

        var waiting = FakeClock.RunAsync(
            time,
            async () =>
            {
                var wait = host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);
                await fake.WaitForPollsAsync(jobId, 6);
                fake.CompleteJob(jobId);
                return await wait;
            },
            TimeSpan.FromMilliseconds(100));
        var result = await waiting;

        Assert.True(result.Succeeded, result.ToString());
        var times = new[] { started }.Concat(fake.RequestsTo(FakeRoute.GetJob).Select(r => r.Timestamp)).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Take(6).ToList();
        double[] expected = [2, 3, 4.5, 5, 5, 5];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(gaps[i] >= TimeSpan.FromSeconds(expected[i]), $"gap {i} was {gaps[i]}, expected at least {expected[i]} s");
        }
    }

    [Fact]
    public void The_delay_grows_by_half_each_poll_and_stops_at_MaxPollInterval()
    {
        var options = new ApiframeOptions { PollInterval = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromSeconds(5) };
        var poller = new JobPoller(null!, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var delays = new List<TimeSpan> { options.PollInterval };
        for (var i = 0; i < 5; i++)
        {
            delays.Add(poller.NextDelay(delays[^1]));
        }

        Assert.Equal([2, 3, 4.5, 5, 5, 5], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Polls_that_fail_transiently_do_not_end_the_wait()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var submitter = SeedreamTestHost.Create(fake);
        var jobId = (await submitter.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        // No HTTP-level retries: this is about the poll loop itself carrying on.
        await using var host = SeedreamTestHost.Create(fake, settings =>
        {
            settings["Apiframe:MaxRetryAttempts"] = "0";
            settings["Apiframe:RequestTimeout"] = "00:00:00.300";
        });
        fake.InjectFault(FakeRoute.GetJob, FakeFault.ServiceUnavailable());
        fake.InjectFault(FakeRoute.GetJob, FakeFault.InternalServerError());
        fake.InjectFault(FakeRoute.GetJob, FakeFault.RateLimited(TimeSpan.Zero));
        fake.InjectFault(FakeRoute.GetJob, FakeFault.Disconnect());
        fake.InjectFault(FakeRoute.GetJob, FakeFault.Hang());
        fake.InjectFault(FakeRoute.GetJob, FakeFault.Status(502, "Bad gateway"));

        var waiting = host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);
        await fake.WaitForPollsAsync(jobId, 7);
        fake.CompleteJob(jobId);
        var result = await waiting;

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([503, 500, 429, null, null, 502], fake.RequestsTo(FakeRoute.GetJob).Take(6).Select(r => r.StatusCode));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2105 && Equals(e.Property("JobId"), jobId));
    }

    [Fact]
    public async Task An_unknown_job_is_JobNotFound_at_once()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);

        var result = await host.Client.WaitForCompletionAsync(Guid.NewGuid().ToString(), null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.JobNotFound, result.Failure?.Kind);
        Assert.Equal(404, result.Failure!.StatusCode);
        Assert.Single(fake.RequestsTo(FakeRoute.GetJob));
    }

    [Fact]
    public async Task Another_keys_job_is_JobNotFound()
    {
        const string Other = "afk_second_user_key";
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { ApiKeys = [FakeApiframeOptions.DefaultApiKey, Other] });
        await using var owner = SeedreamTestHost.Create(fake);
        await using var stranger = SeedreamTestHost.Create(fake, apiKey: Other);
        var jobId = (await owner.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;

        var result = await stranger.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.JobNotFound, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_malformed_job_id_is_InvalidRequest()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);

        var result = await host.Client.WaitForCompletionAsync("not-a-uuid", null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.InvalidRequest, result.Failure?.Kind);
        Assert.Equal(400, result.Failure!.StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_mid_job_ends_the_wait_as_Unauthorized()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        fake.InjectFault(FakeRoute.GetJob, FakeFault.Status(401, "Invalid API key"));

        var result = await host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unauthorized, result.Failure?.Kind);
        Assert.Equal(1, fake.PollCount(jobId));
    }

    [Fact]
    public async Task Cancelling_the_wait_throws_and_stops_polling()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None)).Value!.JobId;
        using var cancel = new CancellationTokenSource();

        var waiting = host.Client.WaitForCompletionAsync(jobId, null, cancel.Token);
        await fake.WaitForPollsAsync(jobId, 2);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static void SlowClock(Dictionary<string, string?> settings)
    {
        settings["Apiframe:PollInterval"] = "00:00:02";
        settings["Apiframe:MaxPollInterval"] = "00:00:05";
        settings["Apiframe:JobTimeout"] = "00:05:00";
        settings["Apiframe:RequestTimeout"] = "00:10:00";
    }
}
