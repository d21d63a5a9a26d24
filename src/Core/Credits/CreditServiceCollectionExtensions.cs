using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

public static class CreditServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CreditOptions"/> from the <c>Credits</c> section and <see cref="OperatorOptions"/> (server
    /// budgets) from <c>Operator</c> (both validated at start) and registers, as singletons over
    /// <see cref="SeedreamDatabase"/> (added with <see cref="StorageServiceCollectionExtensions.AddSeedreamStorage"/>
    /// when missing): <see cref="ICreditLedger"/>, <see cref="ICreditModeration"/>, <see cref="ICreditPricing"/>,
    /// <see cref="IGuildSettingsStore"/>, <see cref="IServerStore"/> and <see cref="CreditLedgerAudit"/>. Uses the registered
    /// <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddCreditLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(SeedreamDatabase)))
        {
            services.AddSeedreamStorage(configuration);
        }

        services.AddOptions<CreditOptions>()
            .Bind(configuration.GetSection(CreditOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<OperatorOptions>()
            .Bind(configuration.GetSection(OperatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CreditLedger>();
        services.TryAddSingleton<ICreditLedger>(provider => provider.GetRequiredService<CreditLedger>());
        services.TryAddSingleton<CreditModeration>();
        services.TryAddSingleton<ICreditModeration>(provider => provider.GetRequiredService<CreditModeration>());
        services.TryAddSingleton<CreditCosts>();
        services.TryAddSingleton<ICreditPricing>(provider => provider.GetRequiredService<CreditCosts>());
        services.TryAddSingleton<GuildSettingsStore>();
        services.TryAddSingleton<IGuildSettingsStore>(provider => provider.GetRequiredService<GuildSettingsStore>());
        services.TryAddSingleton<ServerStore>();
        services.TryAddSingleton<IServerStore>(provider => provider.GetRequiredService<ServerStore>());
        services.TryAddSingleton<CreditLedgerAudit>();
        return services;
    }
}
