using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Net;

namespace SeedreamBot.Core.Seedream;

/// <summary>DI registration of the Seedream (Apiframe v2) client.</summary>
public static class SeedreamServiceCollectionExtensions
{
    /// <summary>How long a pooled connection lives, so DNS changes are seen even by clients a singleton holds on to.</summary>
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Binds and validates the <c>Apiframe</c> section (at start-up), registers the typed API and CDN HttpClients with
    /// retry and timeout handlers and per-attempt metrics (<see cref="ApiframeMetrics"/>, <see cref="ApiframeContact"/>),
    /// and registers <see cref="ISeedreamClient"/>. Uses the <see cref="TimeProvider"/>
    /// already registered, or <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddSeedreamClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // A second call would add a second resilience pipeline to the same clients; once is enough.
        if (services.Any(d => d.ServiceType == typeof(ISeedreamClient) && d.ImplementationType == typeof(SeedreamClient)))
        {
            return services;
        }

        services.AddOptions<ApiframeOptions>()
            .Bind(configuration.GetSection(ApiframeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ApiKeyHandler>();
        services.AddMetrics();
        services.TryAddSingleton<ApiframeMetrics>();
        services.TryAddSingleton<ApiframeContact>();
        services.TryAddSingleton<ApiframeJobUpdates>();
        services.TryAddSingleton<ApiframeWebhookReceiver>();

        var api = services.AddHttpClient<ApiframeApi>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ApiframeOptions>>().Value;
                client.BaseAddress = options.GetBaseUri();
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
                client.MaxResponseContentBufferSize = ApiframeApi.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SeedreamBot/1.0");
            })
            // No redirects: a custom header such as X-API-Key would follow a redirect to any host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = PooledConnectionLifetime,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddHttpMessageHandler<ApiKeyHandler>()
            .RedactLoggedHeaders(ApiframeHeaders.IsSensitive);
        api.AddResilienceHandler("apiframe-api", ApiframeResilience.Configure);

        // Inside the retry pipeline, so every attempt is timed and counted.
        api.AddHttpMessageHandler(provider => new ApiframeCallObserver(
            provider.GetRequiredService<ApiframeMetrics>(),
            provider.GetRequiredService<ApiframeContact>(),
            provider.GetRequiredService<TimeProvider>(),
            ApiframeCallObserver.ApiClient));

        var cdn = services.AddHttpClient<ApiframeCdn>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // attempts are timed by the pipeline, the body by the downloader
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SeedreamBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // The downloader follows redirects itself, and only on the same host.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = PooledConnectionLifetime,

                // A result URL is data from elsewhere: whatever it resolves to must be a public address.
                ConnectCallback = PublicAddresses.ConnectCallback(
                    new HostAllowList(provider.GetRequiredService<IOptions<ApiframeOptions>>().Value.ResultHosts)),
            })
            .RedactLoggedHeaders(ApiframeHeaders.IsSensitive);
        cdn.AddResilienceHandler("apiframe-cdn", ApiframeResilience.Configure);
        cdn.AddHttpMessageHandler(provider => new ApiframeCallObserver(
            provider.GetRequiredService<ApiframeMetrics>(),
            contact: null,
            provider.GetRequiredService<TimeProvider>(),
            ApiframeCallObserver.CdnClient));

        services.TryAddTransient<ISeedreamClient, SeedreamClient>();
        return services;
    }
}
