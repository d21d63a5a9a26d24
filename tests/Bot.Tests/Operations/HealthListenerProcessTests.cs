using System.Net;
using System.Net.Sockets;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>The real built bot as a child process, when the health listener's port is already taken.</summary>
public sealed class HealthListenerProcessTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("seedreambot-listener-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task A_taken_port_stops_the_bot_with_exit_code_2_and_one_line_that_says_what_to_change()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var run = await BotProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["DISCORD_TOKEN"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.listener-test-token_0123456789",
                ["APIFRAME_API_KEY"] = "afk_listener_test_5e3d0c1f2a4b",

                // Nothing real is contacted: both services point at a closed loopback port.
                ["Discord__ApiBaseUrl"] = "http://127.0.0.1:1/api/v10",
                ["Apiframe__BaseUrl"] = "http://127.0.0.1:1",
                ["Apiframe__MaxRetryAttempts"] = "0",
                ["Storage__DatabasePath"] = Path.Combine(_workDir, "bot.db"),
                ["Health__Urls"] = $"http://127.0.0.1:{port}",
            },
            _workDir,
            BotProcess.BotAssembly);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StandardOutput.Split('\n'), text => text.Contains("cannot listen on", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("Health__Urls", line, StringComparison.Ordinal);
        Assert.Contains("Health:Enabled", line, StringComparison.Ordinal);
    }
}
