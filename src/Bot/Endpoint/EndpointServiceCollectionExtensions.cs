using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>DI registration of the public listener (HTTP interactions, Apiframe webhooks).</summary>
public static class EndpointServiceCollectionExtensions
{
    /// <summary>
    /// The listener and its two endpoints. Register it after the interaction dispatcher, so it stops first: requests
    /// still open when the bot stops are answered before the pipeline behind them is cancelled.
    /// </summary>
    public static IServiceCollection AddPublicEndpoint(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InteractionOptions>, EndpointSourcesValidator>());
        services.TryAddSingleton<EndpointMetrics>();
        services.TryAddSingleton<RecentInteractionIds>();
        services.TryAddSingleton<InteractionsEndpoint>();
        services.TryAddSingleton<ApiframeWebhookEndpoint>();
        services.TryAddSingleton<EndpointListener>();
        services.AddHostedService(provider => provider.GetRequiredService<EndpointListener>());
        return services;
    }
}
