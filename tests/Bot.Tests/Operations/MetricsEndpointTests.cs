using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>What <c>/metrics</c> shows after one generation, value by value, over a loopback socket with the fakes behind the bot.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await OperationsHarness.StartWithHealthAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Metrics_show_interactions_generations_apiframe_calls_and_rate_limit_waits_after_an_imagine()
    {
        // One retried Apiframe 503 and one Discord 429 make the error and wait instruments report too.
        _bot.Apiframe.InjectFault(FakeRoute.Generate, FakeFault.ServiceUnavailable());
        _bot.Discord.RateLimits.Inject(
            "PATCH /webhooks/{application_id}/{interaction_token}/messages/@original", FakeRateLimitScope.User, TimeSpan.FromMilliseconds(50));

        var interaction = await _bot.Discord.SlashCommand("imagine").By(42, "ada").WithString("prompt", "a lighthouse at dawn").DispatchAsync();
        await interaction.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(20));

        var body = await _bot.WaitForMetricsAsync(
            "seedreambot_interactions_total",
            "seedreambot_interaction_ack_latency_seconds_bucket",
            "seedreambot_generations_total",
            "seedreambot_credits_spent_total",
            "seedreambot_queue_depth",
            "seedreambot_jobs_in_flight",
            "seedreambot_apiframe_request_duration_seconds_bucket",
            "seedreambot_apiframe_errors_total",
            "seedreambot_apiframe_balance",
            "seedreambot_apiframe_spent_today",
            "discord_rest_requests_total",
            "discord_rest_rate_limit_waits_total",
            "discord_gateway_connected_shards",
            "http_client_request_duration_seconds_bucket");

        // The values, once the delivered generation is settled and no job is running.
        body = await _bot.WaitForMetricsAsync(scrape =>
            OperationsHarness.Value(scrape, "seedreambot_credits_spent_total") > 0 && OperationsHarness.Value(scrape, "seedreambot_jobs_in_flight") == 0);
        Assert.Equal(1, OperationsHarness.Value(body, "seedreambot_interactions_total", "command=\"imagine\"", "outcome=\"ok\""));
        Assert.Equal(1, OperationsHarness.Value(body, "seedreambot_interaction_ack_latency_seconds_count", "command=\"imagine\""));
        Assert.Equal(1, OperationsHarness.Value(body, "seedreambot_generations_total", "outcome=\"delivered\""));
        Assert.Equal(1, OperationsHarness.Value(body, "seedreambot_generations_total"));
        Assert.Equal(4, OperationsHarness.Value(body, "seedreambot_credits_spent_total"));
        Assert.Equal(0, OperationsHarness.Value(body, "seedreambot_queue_depth"));
        Assert.Equal(1, OperationsHarness.Value(body, "seedreambot_apiframe_errors_total", "operation=\"submit\"", "status=\"503\""));
        Assert.True(OperationsHarness.Value(body, "discord_rest_rate_limit_waits_total") >= 1, "The injected 429 was waited out.");
        Assert.Equal(1, OperationsHarness.Value(body, "discord_gateway_connected_shards"));
        Assert.Contains(OperationsHarness.Samples(body, "seedreambot_apiframe_request_duration_seconds_count"),
            line => line.Contains("operation=\"poll\"", StringComparison.Ordinal) && line.Contains("status=\"200\"", StringComparison.Ordinal));
        Assert.Contains(OperationsHarness.Samples(body, "seedreambot_apiframe_request_duration_seconds_count"),
            line => line.Contains("client=\"cdn\"", StringComparison.Ordinal));
    }
}
