using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Discord.Gateway;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Harness;

/// <summary>
/// The real bot host, started against a fake Discord (REST + gateway) and a fake Apiframe on loopback, with a
/// temporary LiteDB file. The host can be stopped gracefully and started again on the same file, which is how restart
/// behaviour is tested. A crash is not a stopped host: crash tests kill the built bot as a child process (see
/// <see cref="StartFakesAsync"/>) and then start this host on the same database.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const ulong GuildId = FakeDiscordServer.DefaultGuildId;
    public const ulong ChannelId = FakeDiscordServer.DefaultChannelId;

    private readonly BotHarnessOptions _options;
    private readonly bool _ownsDatabase;

    private BotHarness(BotHarnessOptions options, FakeGateway gateway, FakeDiscordServer discord, FakeApiframeServer apiframe)
    {
        _options = options;
        Gateway = gateway;
        Discord = discord;
        Apiframe = apiframe;
        _ownsDatabase = options.DatabasePath is null;
        ListenerPort = options.HttpInteractions || options.Webhooks ? FreePort() : null;
        DatabasePath = options.DatabasePath ?? Path.Combine(Path.GetTempPath(), "seedreambot-test-" + Guid.NewGuid().ToString("N"), "bot.db");
    }

    public FakeGateway Gateway { get; }

    public FakeDiscordServer Discord { get; }

    public FakeApiframeServer Apiframe { get; }

    public string DatabasePath { get; }

    /// <summary>The deployment's wall clock: move it to make "a week later" happen.</summary>
    public ShiftedClock Clock => _options.Clock;

    /// <summary>
    /// The bot's public listener port (HTTP interactions, webhooks), chosen once so that the webhook URL Apiframe was
    /// given stays right across restarts; null when neither is on.
    /// </summary>
    public int? ListenerPort { get; }

    /// <summary>The bot's public listener, e.g. <c>http://127.0.0.1:41234</c>; null when neither HTTP interactions nor webhooks are on.</summary>
    public Uri? ListenerUrl => ListenerPort is { } port ? new Uri($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}") : null;

    /// <summary>Every log line of every host this harness started.</summary>
    public LogCapture Logs { get; } = new();

    public IHost? Host { get; private set; }

    public IServiceProvider Services => Host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>How many hosts were started (1 after <see cref="StartAsync"/>, 2 after a restart…).</summary>
    public int Starts { get; private set; }

    public static async Task<BotHarness> StartAsync(BotHarnessOptions? options = null)
    {
        var harness = await StartFakesAsync(options).ConfigureAwait(false);
        await harness.StartBotAsync().ConfigureAwait(false);
        return harness;
    }

    /// <summary>
    /// Only the fakes and a database path: for tests that run the bot some other way (as a child process), with
    /// <see cref="Settings"/> as its configuration.
    /// </summary>
    public static async Task<BotHarness> StartFakesAsync(BotHarnessOptions? options = null)
    {
        options ??= new BotHarnessOptions();
        var gateway = new FakeGateway(new FakeGatewayOptions { Token = options.Discord.Token });
        var discord = new FakeDiscordServer(gateway, options.Discord);
        await discord.StartAsync().ConfigureAwait(false);

        // The fake gateway cannot learn its own address; READY's resume_gateway_url needs it.
        gateway.PublicUrl = new Uri(discord.GatewayUrl);
        var apiframe = await FakeApiframeServer.StartAsync(options.Apiframe).ConfigureAwait(false);
        return new BotHarness(options, gateway, discord, apiframe);
    }

    /// <summary>The bot's configuration, pointing every service at the fakes.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Discord.Token,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["Discord:GuildIds:0"] = GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = DatabasePath,

            // The fake Discord's CDN is on loopback over http: allowed for input images by naming its origin.
            ["Generation:InputImageHosts:0"] = Discord.BaseUrl,
            ["Generation:ProgressUpdateInterval"] = "00:00:00.100",
            ["Generation:QueueUpdateInterval"] = "00:00:00.100",
            ["Health:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in Apiframe.ClientConfiguration())
        {
            settings[key] = value;
        }

        if (ListenerUrl is { } listener)
        {
            settings["Interactions:Urls"] = listener.AbsoluteUri.TrimEnd('/');
        }

        if (_options.HttpInteractions)
        {
            settings["Interactions:PublicKey"] = Discord.InteractionsPublicKey;
            settings["Discord:Gateway"] = "false";
        }

        if (_options.Webhooks)
        {
            settings["Apiframe:WebhookUrl"] = new Uri(ListenerUrl!, "/webhooks/apiframe").AbsoluteUri;
            settings["Apiframe:WebhookPollInterval"] = "00:00:00.500";
        }

        // A null value removes a default, e.g. "Discord:GuildIds:0" = null registers the commands globally.
        foreach (var (key, value) in _options.Settings)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Starts a new bot host on the same database and waits until it is connected and registered.</summary>
    public async Task StartBotAsync()
    {
        if (Host is not null)
        {
            throw new InvalidOperationException("The bot is already running.");
        }

        var readyBefore = Gateway.GetShardStats().Identifies;
        var registrationsBefore = RegistrationCalls();
        var builder = BotHost.CreateBuilder([], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_options.Clock);
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(Logs);
            if (_options.LogToConsole)
            {
                builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            }
        });
        var host = builder.Build();
        Host = host;
        Starts++;
        await host.StartAsync().ConfigureAwait(false);
        if (UsesGateway)
        {
            await Gateway.WaitForReadyAsync(count: readyBefore + 1).ConfigureAwait(false);
        }

        await Discord.WaitForCallAsync(_ => RegistrationCalls() > registrationsBefore).ConfigureAwait(false);

        // Commands go to several places (servers, then globally); a test may look at any of them.
        if (host.Services.GetServices<IHostedService>().OfType<CommandRegistrar>().SingleOrDefault()?.ExecuteTask is { } registering)
        {
            await registering.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        if (UsesGateway)
        {
            // The fake has sent READY; the bot may not have read it yet (it reports itself connected once it has).
            var gateway = host.Services.GetRequiredService<DiscordGateway>();
            await Eventually.Until(() => gateway.GetStatus().IsConnected, "the bot to read READY").ConfigureAwait(false);
        }

        if (_options.HttpInteractions)
        {
            // As in the developer portal: Discord checks the endpoint (PING, bad signatures) before it uses it.
            await Discord.SetInteractionsEndpointAsync(new Uri(ListenerUrl!, "/interactions")).ConfigureAwait(false);
        }

        // Holds placed by a test before the start-up reconciliation ran would be taken for a crash's leftovers.
        await host.Services.GetRequiredService<GenerationRecovery>().Completed.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Stops the bot the way an operator does (Ctrl+C, docker stop): gracefully.</summary>
    public async Task StopBotAsync()
    {
        var host = Host ?? throw new InvalidOperationException("The bot is not running.");
        Host = null;
        await host.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        host.Dispose();
    }

    /// <summary>
    /// Waits until the bot has taken every event the fake gateway sent and reports itself idle (nothing being answered,
    /// no generation waiting or running): from then on it does nothing until the test sends something, so "nothing
    /// else happened" can be asserted. The timeout is a safety net, not an expectation.
    /// </summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var activity = Get<BotActivity>();
        if (!UsesGateway)
        {
            // Over HTTP an interaction is in flight by the time its request has been answered.
            await Discord.HttpDeliveriesSettledAsync().ConfigureAwait(false);
            await Eventually.Until(() => activity.IsIdle, $"the bot to become idle ({activity})", timeout).ConfigureAwait(false);
            return;
        }

        var sent = Gateway.LastSequence();
        await Eventually.Until(() => activity.IsIdleAfter(0, sent), $"the bot to become idle ({activity})", timeout).ConfigureAwait(false);
    }

    public async Task RestartBotAsync()
    {
        await StopBotAsync().ConfigureAwait(false);
        await StartBotAsync().ConfigureAwait(false);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await StopBotAsync().ConfigureAwait(false);
        }

        // Both fakes throw here when the bot broke their contract (that fails the test); both must still be disposed.
        var failures = new List<Exception>();
        foreach (var fake in new IAsyncDisposable[] { Discord, Apiframe })
        {
            try
            {
                await fake.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is FakeContractViolationException)
            {
                failures.Add(exception);
            }
        }

        if (_ownsDatabase)
        {
            TryDelete(Path.GetDirectoryName(DatabasePath)!);
        }

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException("The bot broke the contract of both fakes.", failures);
        }
    }

    private bool UsesGateway => !_options.HttpInteractions;

    /// <summary>A port free right now on loopback (the bot binds it a moment later).</summary>
    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private int RegistrationCalls() =>
        Discord.Calls.Count(call => call.Method == "PUT" && call.Path.Contains("/commands", StringComparison.Ordinal));

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
