using System.Text.Json.Nodes;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>The health and metrics listener of the real host, over a loopback socket, with the fakes behind the bot.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await OperationsHarness.StartWithHealthAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_200_with_every_check_when_connected()
    {
        // The balance monitor talks to Apiframe at start; until then the Apiframe check is only "degraded".
        await Eventually.Until(() => _bot.Get<ApiframeContact>().Snapshot.LastSuccessAt is not null, "the first Apiframe answer");

        var (status, body, contentType) = await _bot.GetAsync("/healthz");

        Assert.True(status == 200, $"/healthz answered {status}: {body}");
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("healthy", json["status"]!.GetValue<string>());
        Assert.Equal(ProductVersion.Version, json["version"]!.GetValue<string>());
        Assert.Equal(ProductVersion.Commit, json["commit"]?.GetValue<string>());
        var checks = json["checks"]!.AsObject();
        Assert.Equal("healthy", checks["discord_gateway"]!["status"]!.GetValue<string>());
        Assert.Equal(1, checks["discord_gateway"]!["data"]!["connected_shards"]!.GetValue<int>());
        Assert.Equal("healthy", checks["database"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", checks["apiframe"]!["status"]!.GetValue<string>());
        Assert.Equal(_bot.Apiframe.TeamCredits, checks["apiframe"]!["data"]!["team_credits"]!.GetValue<long>());
        Assert.NotNull(checks["apiframe"]!["data"]!["last_success"]);
    }

    [Fact]
    public async Task Healthz_answers_503_naming_the_close_code_when_Discord_refuses_the_gateway()
    {
        await _bot.Gateway.CloseAsync(4004, "Authentication failed.");

        var (status, body, _) = await Eventually.Until(
            () => _bot.GetAsync("/healthz").GetAwaiter().GetResult(),
            answer => answer.Status == 503 && answer.Body.Contains("close_code", StringComparison.Ordinal),
            "/healthz to report the refused connection");

        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("unhealthy", json["status"]!.GetValue<string>());
        var gateway = json["checks"]!["discord_gateway"]!;
        Assert.Equal("unhealthy", gateway["status"]!.GetValue<string>());
        Assert.Equal(4004, gateway["data"]!["close_code"]!.GetValue<int>());
        Assert.Contains("4004", gateway["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(503, status);

        // The other checks still report on their own.
        Assert.Equal("healthy", json["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apiframe_check_is_degraded_not_unhealthy_after_a_failed_call()
    {
        // The monitor's own check at start must not answer after (and over) the failure this test provokes.
        await Eventually.Until(() => _bot.Get<ApiframeContact>().Snapshot.LastSuccessAt is not null, "the first Apiframe answer");
        _bot.Apiframe.InjectFault(FakeRoute.Me, FakeFault.Status(401, "Invalid API key"));
        await _bot.Get<ApiframeBalanceMonitor>().CheckAsync(CancellationToken.None);

        var (status, body, _) = await _bot.GetAsync("/healthz");

        var apiframe = JsonNode.Parse(body)!["checks"]!["apiframe"]!;
        Assert.Equal("degraded", apiframe["status"]!.GetValue<string>());
        Assert.Contains("401", apiframe["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("401", apiframe["data"]!["last_failure_status"]!.GetValue<string>());
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Unknown_paths_answer_404_and_other_methods_405()
    {
        var (notFound, text, _) = await _bot.GetAsync("/");
        var (notAllowed, _, _) = await _bot.GetAsync("/healthz", HttpMethod.Post);

        Assert.Equal(404, notFound);
        Assert.Contains("/healthz", text, StringComparison.Ordinal);
        Assert.Equal(405, notAllowed);
    }

    [Fact]
    public async Task The_health_check_command_Docker_runs_exits_0_when_healthy_and_1_when_not()
    {
        var workDir = Directory.CreateTempSubdirectory("seedreambot-probe-").FullName;
        try
        {
            var address = _bot.HealthAddress().ToString().TrimEnd('/');
            var environment = new Dictionary<string, string> { ["Health__Urls"] = address };

            var healthy = await BotProcess.RunAsync(environment, workDir, BotProcess.BotAssembly, HealthProbe.Flag);
            Assert.True(healthy.ExitCode == 0, healthy.StandardOutput + healthy.StandardError);
            Assert.StartsWith("healthy:", healthy.StandardOutput, StringComparison.Ordinal);

            await _bot.Gateway.CloseAsync(4004, "Authentication failed.");
            await Eventually.Until(() => !_bot.Get<SeedreamBot.Discord.Gateway.DiscordGateway>().GetStatus().IsConnected, "the gateway to go down");

            var unhealthy = await BotProcess.RunAsync(environment, workDir, BotProcess.BotAssembly, HealthProbe.Flag);
            Assert.Equal(1, unhealthy.ExitCode);
            Assert.StartsWith("unhealthy:", unhealthy.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("503", unhealthy.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }
}
