using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Operations;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>
/// The public listener (<c>Interactions:Urls</c>): <c>POST /interactions</c> when <c>Interactions:PublicKey</c> is set,
/// <c>POST /webhooks/apiframe</c> when <c>Apiframe:WebhookUrl</c> is set, nothing else. It is a Kestrel listener of its
/// own rather than a path on the health listener: it faces the internet through a reverse proxy, while <c>/healthz</c>
/// and <c>/metrics</c> stay on their private port. A port that is already taken stops the bot with exit code 2.
/// </summary>
public sealed partial class EndpointListener : IHostedService, IAsyncDisposable
{
    private const string NotFoundText = "SeedreamBot answers POST /interactions (Discord) and POST /webhooks/apiframe (Apiframe) here.\n";

    private readonly IServiceProvider _services;
    private readonly IOptions<InteractionOptions> _options;
    private readonly InteractionsEndpoint _interactions;
    private readonly ApiframeWebhookEndpoint? _webhooks;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<EndpointListener> _logger;
    private OwnKestrelServer? _server;

    public EndpointListener(
        IServiceProvider services,
        IOptions<InteractionOptions> options,
        IOptions<Core.Seedream.ApiframeOptions> apiframe,
        InteractionsEndpoint interactions,
        ApiframeWebhookEndpoint webhooks,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(apiframe);
        _services = services;
        _options = options;
        _interactions = interactions;
        _webhooks = apiframe.Value.WebhooksEnabled ? webhooks : null;
        _lifetime = lifetime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<EndpointListener>();
    }

    /// <summary>Where the listener answers once started (the real port when <c>Interactions:Urls</c> asked for port 0).</summary>
    public IReadOnlyList<Uri> Addresses => _server?.Addresses ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = _options.Value.ListUrls();
        if (urls.Count == 0)
        {
            return;
        }

        OwnKestrelServer server;
        try
        {
            server = await OwnKestrelServer.StartAsync(
                urls, InteractionsEndpoint.MaxBodyBytes, maxRequestHeadersTotalSize: 32 * 1024, HandleAsync, _services, _loggerFactory, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            LogBindFailed(_options.Value.Urls!, exception.Message);
            Environment.ExitCode = 2;
            _lifetime.StopApplication();
            return;
        }

        _server = server;
        var serving = new List<string>();
        if (_interactions.Enabled)
        {
            serving.Add($"POST {EndpointPaths.Interactions} (Discord interactions)");
        }

        if (_webhooks is not null)
        {
            serving.Add($"POST {EndpointPaths.ApiframeWebhooks} (Apiframe webhooks)");
        }

        LogListening(string.Join(", ", server.BoundUrls), string.Join(", ", serving));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        Func<HttpContext, Task>? target = path switch
        {
            EndpointPaths.Interactions when _interactions.Enabled => _interactions.HandleAsync,
            EndpointPaths.ApiframeWebhooks when _webhooks is not null => _webhooks.HandleAsync,
            _ => null,
        };
        context.Response.Headers.CacheControl = "no-store";
        if (target is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(NotFoundText, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        await target(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Public listener answers on {Urls}: {Serving}")]
    private partial void LogListening(string urls, string serving);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Stopping SeedreamBot with exit code 2: the public listener cannot listen on {Urls} ({Reason}). Choose a free port in " +
        "Interactions:Urls (env Interactions__Urls), different from Health:Urls.")]
    private partial void LogBindFailed(string urls, string reason);
}
