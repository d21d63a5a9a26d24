using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// With <c>Apiframe:WebhookUrl</c>, submissions subscribe to every event and the poller takes a verified event exactly
/// like a poll result. Apiframe's requests are taken from the fake's record of what it sent (the bot's listener is not
/// part of Core) and handed to the receiver as the listener would.
/// </summary>
public sealed class SeedreamClientWebhookTests
{
    // Nothing listens here: the fake's own POSTs fail, and the test hands their signed bodies over itself.
    private const string WebhookUrl = "http://127.0.0.1:9/webhooks/apiframe";

    [Fact]
    public async Task A_submission_carries_the_webhook_url_and_every_event()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = Create(fake);

        await host.Client.SubmitAsync(SeedreamTestData.Request(), "k1", CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(fake.RequestsTo(FakeRoute.Generate)).Body)!;
        Assert.Equal(WebhookUrl, body["webhookUrl"]!.GetValue<string>());
        Assert.Equal(["progress", "completed", "failed"], body["webhookEvents"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_a_webhook_url_the_body_has_no_webhook_fields()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = SeedreamTestHost.Create(fake);

        await host.Client.SubmitAsync(SeedreamTestData.Request(), "k1", CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(fake.RequestsTo(FakeRoute.Generate)).Body)!.AsObject();
        Assert.False(body.ContainsKey("webhookUrl"));
        Assert.False(body.ContainsKey("webhookEvents"));
    }

    [Fact]
    public async Task The_completed_event_ends_the_wait_without_another_poll_and_progress_events_are_reported()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = Create(fake, pollEvery: "00:05:00");
        var receiver = host.Services.GetRequiredService<ApiframeWebhookReceiver>();
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k2", CancellationToken.None)).Value!.JobId;
        var progress = new RecordingProgress();

        var waiting = host.Client.WaitForCompletionAsync(jobId, progress, CancellationToken.None);
        await fake.WaitForPollsAsync(jobId, 1);
        await progress.WaitForAsync(new JobProgress(JobStatus.Queued, 0));

        fake.SetProgress(jobId, 45);
        Assert.Equal(ApiframeWebhookReceipt.Accepted, await ForwardAsync(fake, receiver, "progress"));
        await progress.WaitForAsync(new JobProgress(JobStatus.Processing, 45));

        fake.CompleteJob(jobId);
        Assert.Equal(ApiframeWebhookReceipt.Accepted, await ForwardAsync(fake, receiver, "completed"));
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([fake.ImageUrl(jobId)], result.Value.ImageUrls);
        Assert.Equal(4, result.Value.CreditCost);
        Assert.Equal(1, fake.PollCount(jobId));

        // The same event again, or a straggler, is late: the job already ended here.
        Assert.Equal(ApiframeWebhookReceipt.Accepted, await ForwardAsync(fake, receiver, "completed"));
        Assert.Equal(1, fake.PollCount(jobId));
    }

    [Fact]
    public async Task A_failed_event_ends_the_wait_with_the_providers_reason()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = Create(fake, pollEvery: "00:05:00");
        var receiver = host.Services.GetRequiredService<ApiframeWebhookReceiver>();
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k3", CancellationToken.None)).Value!.JobId;

        var waiting = host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);
        await fake.WaitForPollsAsync(jobId, 1);
        fake.FailJob(jobId);
        await ForwardAsync(fake, receiver, "failed");
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.False(result.Succeeded);
        Assert.Equal(ApiframeFailureKind.JobFailed, result.Failure!.Kind);
        Assert.Contains("content policy", result.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.PollCount(jobId));
    }

    [Fact]
    public async Task An_event_signed_with_another_key_or_unreadable_changes_nothing()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = Create(fake, pollEvery: "00:05:00");
        var receiver = host.Services.GetRequiredService<ApiframeWebhookReceiver>();
        var updates = host.Services.GetRequiredService<ApiframeJobUpdates>();
        var body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","status":"COMPLETED"}""");

        Assert.Equal(ApiframeWebhookReceipt.BadSignature, receiver.Receive(body, ApiframeWebhookSignature.Sign(body, ApiframeWebhookSignature.SecretFor("afk_other"))));
        Assert.Equal(ApiframeWebhookReceipt.BadSignature, receiver.Receive(body, null));
        var secret = ApiframeWebhookSignature.SecretFor(fake.ApiKey);
        var noJob = Encoding.UTF8.GetBytes("""{"event":"completed","status":"COMPLETED"}""");
        Assert.Equal(ApiframeWebhookReceipt.Unreadable, receiver.Receive(noJob, ApiframeWebhookSignature.Sign(noJob, secret)));
        var notJson = Encoding.UTF8.GetBytes("completed");
        Assert.Equal(ApiframeWebhookReceipt.Unreadable, receiver.Receive(notJson, ApiframeWebhookSignature.Sign(notJson, secret)));
        Assert.Equal(0, updates.KeptCount);
    }

    [Fact]
    public async Task A_job_whose_events_are_lost_is_finished_by_the_slower_poll()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        await using var host = Create(fake, pollEvery: "00:00:00.200");
        var jobId = (await host.Client.SubmitAsync(SeedreamTestData.Request(), "k4", CancellationToken.None)).Value!.JobId;

        var waiting = host.Client.WaitForCompletionAsync(jobId, null, CancellationToken.None);
        await fake.WaitForPollsAsync(jobId, 1);
        fake.CompleteJob(jobId);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(fake.PollCount(jobId) >= 2, "a poll after the first one saw the end");
        Assert.Contains(fake.WebhookDeliveries, d => d.Event == "completed" && d.StatusCode == 0);
    }

    private static SeedreamTestHost Create(FakeApiframeServer fake, string pollEvery = "00:00:20") =>
        SeedreamTestHost.Create(fake, settings =>
        {
            settings["Apiframe:WebhookUrl"] = WebhookUrl;
            settings["Apiframe:WebhookPollInterval"] = pollEvery;
        });

    /// <summary>Hands the latest <paramref name="event"/> the fake sent to the receiver, bytes and signature as sent.</summary>
    private static async Task<ApiframeWebhookReceipt> ForwardAsync(FakeApiframeServer fake, ApiframeWebhookReceiver receiver, string @event)
    {
        var delivery = await fake.WaitForWebhookAsync(d => d.Event == @event);
        delivery = fake.WebhookDeliveries.Last(d => d.Event == @event);
        return receiver.Receive(Encoding.UTF8.GetBytes(delivery.Body), delivery.Signature);
    }
}
