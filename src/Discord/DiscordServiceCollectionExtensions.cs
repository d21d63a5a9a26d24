using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Discord;

/// <summary>Registers the Discord REST client (the gateway registers itself with <c>AddDiscordGateway</c>).</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the REST client uses.</summary>
    public const string HttpClientName = "SeedreamBot.Discord.Rest";

    /// <summary>
    /// Binds <see cref="DiscordOptions"/> from the <c>Discord</c> section (validated at start), and registers
    /// <see cref="DiscordRestClient"/> as a typed HttpClient, also as <see cref="IDiscordRestClient"/> and
    /// <see cref="IGatewayInfoSource"/>, with its singleton rate-limit state and metrics.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .PostConfigure(options => options.Token = NormalizeToken(options.Token, configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRestMetrics>();
        services.TryAddSingleton<InvalidRequestMonitor>();
        services.TryAddSingleton<DiscordTokenRejection>();
        services.TryAddSingleton<DiscordRateLimiter>();

        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                http.Timeout = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.RequestTimeout;
            })

            // The client may live inside singletons; a bounded connection lifetime still follows DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // The default HttpClient logging writes full URLs, and interaction URLs contain tokens.
            .RemoveAllLoggers()
            .AddTypedClient((http, provider) => new DiscordRestClient(
                http,
                provider.GetRequiredService<IOptions<DiscordOptions>>(),
                provider.GetRequiredService<DiscordRateLimiter>(),
                provider.GetRequiredService<InvalidRequestMonitor>(),
                provider.GetRequiredService<DiscordRestMetrics>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<DiscordRestClient>>()));

        services.TryAddTransient<IDiscordRestClient>(provider => provider.GetRequiredService<DiscordRestClient>());
        services.TryAddTransient<IGatewayInfoSource>(provider => provider.GetRequiredService<DiscordRestClient>());
        return services;
    }

    // Accept DISCORD_TOKEN as a fallback and forgive a pasted "Bot " prefix or surrounding whitespace.
    private static string NormalizeToken(string? token, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            token = configuration["DISCORD_TOKEN"] ?? Environment.GetEnvironmentVariable("DISCORD_TOKEN") ?? "";
        }

        token = token.Trim();
        if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[4..].Trim();
        }

        return token;
    }
}
