using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Endpoint;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Bot.History;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Bot.Moderation;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Bot.Operators;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Net;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Discord;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Bot.Hosting;

/// <summary>The bot's composition: the Discord client, Core, and each feature registered by its own <c>Add…</c>.</summary>
public static class SeedreamBotServiceCollectionExtensions
{
    public static IServiceCollection AddSeedreamBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The start-up report comes first so the version line opens the log. The gateway's hosted service follows
        // so that it stops (nearly) last: while everything else shuts down, interactions still arrive and are
        // answered with "restarting".
        services.AddHostedService<StartupReport>();
        services.AddDiscordRest(configuration);
        services.AddDiscordGateway(configuration);

        services.AddCreditLedger(configuration);
        services.AddSeedreamClient(configuration);
        services.AddGenerationJobs(configuration);

        services.AddBotCore(configuration);
        services.AddGenerationFeature();
        services.AddHistoryFeature();
        services.AddCreditsFeature();
        services.AddOperatorFeature();
        services.AddOperations(configuration);
        return services;
    }

    /// <summary>The interaction pipeline, command registration, operator alerts and moderator checks.</summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName));
        services.AddOptions<InteractionOptions>()
            .Bind(configuration.GetSection(InteractionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<BotApplication>();
        services.TryAddSingleton<CommandScopeStore>();
        services.TryAddSingleton<OperatorDirectory>();
        services.TryAddSingleton<OperatorMessenger>();
        services.TryAddSingleton<ModeratorPolicy>();
        services.TryAddSingleton<InteractionMetrics>();
        services.TryAddSingleton<ChannelPermissionWatch>();
        services.TryAddSingleton<InteractionProcessor>();
        services.TryAddSingleton<RestInteractionCallback>();
        services.TryAddSingleton<InteractionRunner>();

        services.TryAddSingleton<LogChannelAlerts>();
        services.TryAddSingleton<IOperatorAlerts>(provider => provider.GetRequiredService<LogChannelAlerts>());
        services.AddHostedService(provider => provider.GetRequiredService<LogChannelAlerts>());

        services.AddHostedService<CommandRegistrar>();
        services.TryAddSingleton<InteractionDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<InteractionDispatcher>());
        services.TryAddSingleton<BotActivity>();
        services.AddPublicEndpoint();
        return services;
    }

    /// <summary>
    /// The operator tier: server admission (a gate before every handler), <c>/operator</c> and its buttons, and the
    /// start-up warnings about spending that nothing limits.
    /// </summary>
    public static IServiceCollection AddOperatorFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<GuildDirectory>();
        services.TryAddSingleton<ServerAdmission>();
        services.AddSingleton<IInteractionGate, ServerAdmissionGate>();
        services.TryAddSingleton<OperatorServerCommands>();
        services.TryAddSingleton<OperatorSettingsCommands>();
        services.AddSingleton<IInteractionHandler, OperatorHandler>();
        services.AddHostedService<OperatorStartupCheck>();
        return services;
    }

    /// <summary><c>/imagine</c>, <c>/edit</c>, "Edit with Seedream", the result buttons, and the generation queue.</summary>
    public static IServiceCollection AddGenerationFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<ServerBudgetNotices>();
        services.TryAddSingleton<GenerationStarter>();
        services.TryAddSingleton<InputImages>();
        services.AddHostedService<ImageStoreJanitor>();

        // Input images come from Discord's CDN: no redirects, public addresses only (unless an origin is listed).
        services.AddHttpClient<InputImageDownloader>(client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SeedreamBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = PublicAddresses.ConnectCallback(
                    new HostAllowList(provider.GetRequiredService<IOptions<GenerationOptions>>().Value.InputImageHosts)),
            });
        services.TryAddSingleton<PendingEditStore>();
        services.TryAddSingleton<IGenerationPresenter, DiscordGenerationPresenter>();
        services.TryAddSingleton<IPromptScreen, GuildPromptScreen>();
        services.AddSingleton<ICommandSource, GenerationCommands>();
        services.AddSingleton<IInteractionHandler, ImagineHandler>();
        services.AddSingleton<IInteractionHandler, EditWithSeedreamHandler>();
        services.AddSingleton<IInteractionHandler, GenerationComponentsHandler>();
        services.AddHostedService<GenerationHostedService>();
        return services;
    }

    /// <summary><c>/history</c>.</summary>
    public static IServiceCollection AddHistoryFeature(this IServiceCollection services)
    {
        services.AddSingleton<ICommandSource, HistoryCommands>();
        services.AddSingleton<IInteractionHandler, HistoryHandler>();
        return services;
    }
}
