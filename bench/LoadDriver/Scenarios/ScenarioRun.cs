using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeedreamBot.Bench.LoadDriver.Child;
using SeedreamBot.Bench.LoadDriver.Fakes;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// One scenario's world: fresh fakes, a fresh temporary database and a fresh bot process, so no scenario inherits
/// another's queue, JIT state or memory. Disposing kills the bot and deletes the database.
/// </summary>
internal sealed class ScenarioRun : IAsyncDisposable
{
    private readonly string _folder;

    private ScenarioRun(string name, string folder, FakeWorld world, BotProcess bot, TimeSpan startup, Uri healthUrl)
    {
        Name = name;
        _folder = folder;
        World = world;
        Bot = bot;
        Startup = startup;
        Metrics = new BotMetricsScraper(healthUrl);
    }

    public string Name { get; }

    public FakeWorld World { get; }

    public BotProcess Bot { get; }

    /// <summary>From starting the process to commands registered.</summary>
    public TimeSpan Startup { get; }

    /// <summary>The bot's own instruments, from its health listener's <c>/metrics</c>.</summary>
    public BotMetricsScraper Metrics { get; }

    public static async Task<ScenarioRun> StartAsync(
        LoadDriverOptions options, string name, TimeSpan jobDuration, int resultImageBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(Path.GetTempPath(), "seedreambot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var world = await FakeWorld.StartAsync(jobDuration, resultImageBytes, options.AckWindow, cancellationToken).ConfigureAwait(false);
        BotProcess? bot = null;
        try
        {
            var healthUrl = new Uri("http://127.0.0.1:" + FreeLoopbackPort().ToString(CultureInfo.InvariantCulture) + "/");
            var scenarioSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Apiframe:MaxConcurrentJobs"] = options.MaxConcurrentJobs.ToString(CultureInfo.InvariantCulture),
                ["Credits:DefaultAllowance"] = options.DefaultAllowance.ToString(CultureInfo.InvariantCulture),

                // The health listener (/healthz, /metrics) stays on as in production, on a port nobody else uses.
                ["Health:Urls"] = healthUrl.GetLeftPart(UriPartial.Authority),
            };
            foreach (var (key, value) in options.BotSettings)
            {
                scenarioSettings[key] = value;
            }

            var settings = world.BotSettings(Path.Combine(folder, "bot.db"), scenarioSettings);
            var logPath = options.OutputDirectory is { } output
                ? Path.Combine(output, "logs", name + ".log")
                : Path.Combine(folder, "bot.log");
            var started = Stopwatch.StartNew();
            bot = BotProcess.Start(options.BotDll, settings, logPath, Path.Combine(folder, "no-secrets"));
            await world.WaitForBotReadyAsync(() => !bot.HasExited, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            bot.EnsureRunning();
            return new ScenarioRun(name, folder, world, bot, started.Elapsed, healthUrl);
        }
        catch
        {
            if (bot is not null)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }

            await world.DisposeAsync().ConfigureAwait(false);
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails early, with the bot's output, if the bot died.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Bot.EnsureRunning();
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name}: gave up waiting for {description} after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await Bot.DisposeAsync().ConfigureAwait(false);
        await World.DisposeAsync().ConfigureAwait(false);
        TryDelete(_folder);
    }

    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the OS cleans its temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
