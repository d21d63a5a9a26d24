using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.TestHost;

/// <summary>
/// A started <see cref="FakeDiscordServer"/> and a <see cref="DiscordRestClient"/> pointed at it through the real
/// DI registration (<c>AddDiscordRest</c>), with every log line recorded.
/// </summary>
internal sealed class DiscordRestHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DiscordRestHarness(FakeDiscordServer server, RecordingGateway gateway, ServiceProvider services, RecordingLoggerProvider logs)
    {
        Server = server;
        Gateway = gateway;
        _services = services;
        Logs = logs;
    }

    public FakeDiscordServer Server { get; }

    public RecordingGateway Gateway { get; }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public DiscordRestClient Client => _services.GetRequiredService<DiscordRestClient>();

    public DiscordRestMetrics Metrics => _services.GetRequiredService<DiscordRestMetrics>();

    public static async Task<DiscordRestHarness> StartAsync(
        FakeDiscordOptions? fakeOptions = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? clientTime = null)
    {
        var gateway = new RecordingGateway();
        var server = new FakeDiscordServer(gateway, fakeOptions);
        await server.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:TransientRetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (clientTime is not null)
        {
            services.AddSingleton(clientTime);
        }

        services.AddDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        return new DiscordRestHarness(server, gateway, services.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>A client built by hand (not DI), e.g. with local validation off to reach the fake's own checks.</summary>
    public DiscordRestClient CreateClient(bool validateLocally)
    {
        var options = _services.GetRequiredService<IOptions<DiscordOptions>>();
        return new DiscordRestClient(
            new HttpClient(),
            options,
            _services.GetRequiredService<DiscordRateLimiter>(),
            _services.GetRequiredService<InvalidRequestMonitor>(),
            Metrics,
            _services.GetRequiredService<TimeProvider>(),
            NullLogger<DiscordRestClient>.Instance)
        {
            ValidateLocally = validateLocally,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
