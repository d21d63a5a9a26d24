using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Images;

namespace SeedreamBot.Core.Jobs;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generation pipeline (queue, processor, recovery, spend guard). The host supplies
    /// <see cref="IGenerationPresenter"/>, <see cref="IPromptScreen"/> and <see cref="IOperatorAlerts"/>; storage,
    /// the ledger and the Seedream client come from their own <c>Add…</c> calls.
    /// </summary>
    public static IServiceCollection AddGenerationJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GenerationOptions>()
            .Bind(configuration.GetSection(GenerationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SpendGuardOptions>()
            .Bind(configuration.GetSection(SpendGuardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GenerationMetrics>();
        services.TryAddSingleton(sp => new JobDurationTracker(
            sp.GetRequiredService<IOptions<GenerationOptions>>().Value.ExpectedJobDuration));
        services.TryAddSingleton<IImageCodec, ImageSharpImageCodec>();
        services.TryAddSingleton<ImageFitter>();
        services.TryAddSingleton<ImageStore>();
        services.TryAddSingleton<GenerationStore>();
        services.TryAddSingleton<GenerationProcessor>();
        services.TryAddSingleton<GenerationScheduler>();
        services.TryAddSingleton<GenerationRecovery>();
        services.TryAddSingleton<GenerationService>();
        services.TryAddSingleton<DailySpendGuard>();
        services.TryAddSingleton<ISpendGuard>(sp => sp.GetRequiredService<DailySpendGuard>());
        return services;
    }
}
