using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Gateway;

/// <summary>Registers the gateway.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DiscordGateway"/> (singleton) and <see cref="DiscordGatewayService"/> (hosted), with
    /// <see cref="DiscordGatewayOptions"/> bound from the <c>Discord</c> section and validated at start-up.
    /// Call <c>AddDiscordRest</c> as well: it binds the token, intents and shard count (<see cref="DiscordOptions"/>)
    /// and provides the <see cref="IGatewayInfoSource"/> (<c>GET /gateway/bot</c>).
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordGatewayOptions>()
            .Bind(configuration.GetSection(DiscordGatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordGatewayOptions>, DiscordGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GatewayTimings.Discord);
        services.TryAddSingleton<DiscordGateway>();
        // TryAddEnumerable, not AddHostedService: calling AddDiscordGateway twice must not run two gateways.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DiscordGatewayService>());
        return services;
    }
}
