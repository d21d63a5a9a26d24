using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// The real DI registration (<see cref="SeedreamServiceCollectionExtensions.AddSeedreamClient"/>) pointed at a fake
/// Apiframe, with millisecond intervals and every log line captured at Trace level.
/// </summary>
internal sealed class SeedreamTestHost : IAsyncDisposable
{
    private SeedreamTestHost(ServiceProvider services, CapturingLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public ISeedreamClient Client => Services.GetRequiredService<ISeedreamClient>();

    public ApiframeOptions Options => Services.GetRequiredService<IOptions<ApiframeOptions>>().Value;

    public static Dictionary<string, string?> FastSettings(FakeApiframeServer fake, string? apiKey = null)
    {
        var settings = new Dictionary<string, string?>(fake.ClientConfiguration())
        {
            ["Apiframe:PollInterval"] = "00:00:00.010",
            ["Apiframe:MaxPollInterval"] = "00:00:00.040",
            ["Apiframe:JobTimeout"] = "00:00:15",
            ["Apiframe:RequestTimeout"] = "00:00:10",
            ["Apiframe:RetryBaseDelay"] = "00:00:00.005",
            ["Apiframe:MaxRetryAttempts"] = "3",
        };
        if (apiKey is not null)
        {
            settings["Apiframe:ApiKey"] = apiKey;
        }

        return settings;
    }

    public static SeedreamTestHost Create(
        FakeApiframeServer fake,
        Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? time = null,
        string? apiKey = null)
    {
        var settings = FastSettings(fake, apiKey);
        configure?.Invoke(settings);
        return Create(settings, time);
    }

    public static SeedreamTestHost Create(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSeedreamClient(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SeedreamTestHost(provider, logs);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
