using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SeedreamBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section (validated at start) and registers the
    /// <see cref="SeedreamDatabase"/> singleton. The database opens on first resolve; resolve it at start so a
    /// database that is locked or too new stops the host immediately.
    /// </summary>
    public static IServiceCollection AddSeedreamStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SeedreamDatabase>();
        return services;
    }
}
