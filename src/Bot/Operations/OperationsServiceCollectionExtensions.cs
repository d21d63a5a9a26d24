using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace SeedreamBot.Bot.Operations;

/// <summary>DI registration of what the person hosting the bot looks at: health, metrics, the balance monitor, log format.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>The meters exported on <c>/metrics</c>: every SeedreamBot meter, HttpClient and the runtime.</summary>
    public static IReadOnlyList<string> ExportedMeters { get; } = ["SeedreamBot.*", "System.Net.Http"];

    /// <summary>
    /// Binds <c>Health</c> and <c>Logging:Format</c> (validated at start), registers the health checks
    /// (gateway, database, Apiframe), the <see cref="HealthListener"/> for <c>/healthz</c> and <c>/metrics</c>, the
    /// OpenTelemetry meter provider with the Prometheus exporter, and the <see cref="ApiframeBalanceMonitor"/>.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<LogFormatOptions>()
            .Bind(configuration.GetSection(LogFormatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiframeBalanceMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiframeBalanceMonitor>());
        services.TryAddSingleton<OperationsMetrics>();

        // One instance, so the database check's cached answer is shared by every request.
        services.TryAddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DiscordGatewayHealthCheck>(DiscordGatewayHealthCheck.Name)
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name)
            .AddCheck<ApiframeHealthCheck>(ApiframeHealthCheck.Name);
        services.TryAddSingleton<HealthReporter>();

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: "seedreambot",
                serviceVersion: ProductVersion.Version))
            .WithMetrics(metrics => metrics
            .AddMeter([.. ExportedMeters])
            .AddRuntimeInstrumentation()
            .AddInstrumentation(provider => provider.GetRequiredService<OperationsMetrics>())
            .AddPrometheusExporter());

        services.TryAddSingleton<HealthListener>();
        services.AddHostedService(provider => provider.GetRequiredService<HealthListener>());
        return services;
    }
}
