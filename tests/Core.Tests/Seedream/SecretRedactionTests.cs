using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>The API key must never reach a log line (at any level), a failure message or a ToString.</summary>
public sealed class SecretRedactionTests
{
    [Fact]
    public async Task A_whole_generation_logged_at_Trace_never_shows_the_key()
    {
        await using var fake = await FakeApiframeServer.StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(30) });
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.ServiceUnavailable());

        var submitted = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);
        var completed = await host.Client.WaitForCompletionAsync(submitted.Value!.JobId, null, CancellationToken.None);
        var downloaded = await host.Client.DownloadAsync(completed.Value!.ImageUrls[0], 1_000_000, CancellationToken.None);
        var account = await host.Client.GetAccountAsync(CancellationToken.None);

        Assert.True(downloaded.Succeeded && account.Succeeded);
        var logs = host.Logs.Entries;
        // The HttpClient handler really logged request headers at Trace, with the key's value redacted...
        Assert.Contains(logs, e => e.Category.StartsWith("System.Net.Http.HttpClient.ApiframeApi", StringComparison.Ordinal)
                                   && e.Message.Contains("X-API-Key: *", StringComparison.Ordinal));
        // ...and so did the retry, with Apiframe's request id.
        Assert.Contains(logs, e => e.EventId.Id == 2103 && e.Property("RequestId") is string);
        Assert.DoesNotContain(logs, e => e.AllText.Contains(fake.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, e => e.AllText.Contains(fake.ApiKey[ApiframeOptions.ApiKeyPrefix.Length..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failures_logged_at_Trace_never_show_the_key()
    {
        const string Wrong = "afk_wrong_but_still_secret_9f8e7d";
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake, apiKey: Wrong);

        var submitted = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);
        var polled = await host.Client.WaitForCompletionAsync(Guid.NewGuid().ToString(), null, CancellationToken.None);

        Assert.Equal(ApiframeFailureKind.Unauthorized, submitted.Failure?.Kind);
        Assert.Equal(ApiframeFailureKind.Unauthorized, polled.Failure?.Kind);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2102);
        Assert.DoesNotContain(host.Logs.Entries, e => e.AllText.Contains(Wrong, StringComparison.Ordinal));
        Assert.DoesNotContain(Wrong, submitted.Failure!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_back_by_the_server_is_masked_in_messages_details_and_logs()
    {
        await using var fake = await FakeApiframeServer.StartAsync();
        await using var host = SeedreamTestHost.Create(fake);
        fake.InjectFault(FakeRoute.Generate, FakeFault.Status(401, $"Invalid API key {fake.ApiKey}"));

        var result = await host.Client.SubmitAsync(SeedreamTestData.Request(), "k", CancellationToken.None);

        var failure = result.Failure!;
        Assert.Contains("Invalid API key afk_***", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.ApiKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => e.AllText.Contains(fake.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public void The_options_ToString_hides_the_key()
    {
        var options = new ApiframeOptions { ApiKey = "afk_super_secret" };

        Assert.DoesNotContain("super_secret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = (set, hidden)", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = (not set)", new ApiframeOptions().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_redactor_masks_every_occurrence_and_leaves_other_text_alone()
    {
        Assert.Equal("a afk_*** b afk_***", ApiKeyRedactor.Redact("a afk_123 b afk_123", "afk_123"));
        Assert.Equal("afk_ stays", ApiKeyRedactor.Redact("afk_ stays", "afk_"));
        Assert.Equal("text", ApiKeyRedactor.Redact("text", null));
    }
}
