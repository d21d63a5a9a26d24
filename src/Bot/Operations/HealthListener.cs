using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// A small Kestrel listener inside the bot's host (<c>Health:Urls</c>) serving <c>/healthz</c> (JSON, 200 or 503)
/// and <c>/metrics</c> (Prometheus text). It has its own tiny request pipeline over the host's services, so the bot
/// stays a plain generic host. A port that is already taken stops the bot with a clear message and exit code 2.
/// </summary>
public sealed partial class HealthListener : IHostedService, IAsyncDisposable
{
    private const string NotFoundText = "SeedreamBot answers /healthz (health, JSON) and /metrics (Prometheus) here.\n";

    private readonly IServiceProvider _services;
    private readonly HealthReporter _reporter;
    private readonly IOptions<HealthOptions> _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<HealthListener> _logger;
    private OwnKestrelServer? _server;

    public HealthListener(
        IServiceProvider services,
        HealthReporter reporter,
        IOptions<HealthOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        _services = services;
        _reporter = reporter;
        _options = options;
        _lifetime = lifetime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<HealthListener>();
    }

    /// <summary>Where the listener answers once started (the real port when <c>Health:Urls</c> asked for port 0).</summary>
    public IReadOnlyList<Uri> Addresses => _server?.Addresses ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (!options.Enabled)
        {
            LogDisabled();
            return;
        }

        OwnKestrelServer server;
        try
        {
            server = await OwnKestrelServer.StartAsync(
                options.ListUrls(), maxRequestBodySize: 0, maxRequestHeadersTotalSize: 16 * 1024, BuildPipeline(), _services, _loggerFactory, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // A configuration problem (port taken, address not on this machine): one clear line, no stack trace.
            LogBindFailed(options.Urls, exception.Message);
            Environment.ExitCode = 2;
            _lifetime.StopApplication();
            return;
        }

        _server = server;
        LogListening(string.Join(", ", server.BoundUrls));
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

    private RequestDelegate BuildPipeline()
    {
        var app = new ApplicationBuilder(_services);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            await next(context).ConfigureAwait(false);
        });
        app.Map("/healthz", health => health.Run(WriteHealthAsync));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: (MeterProvider)_services.GetService(typeof(MeterProvider))!,
            predicate: null!,
            path: "/metrics",
            configureBranchedPipeline: null!,
            optionsName: null!);
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(NotFoundText, context.RequestAborted).ConfigureAwait(false);
        });
        return app.Build();
    }

    private async Task WriteHealthAsync(HttpContext context)
    {
        var (status, body) = await _reporter.CheckAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthResponse, context.RequestAborted)
                .ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health and metrics listener answers on {Urls} (/healthz, /metrics)")]
    private partial void LogListening(string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health and metrics listener is off (Health:Enabled is false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Stopping SeedreamBot with exit code 2: the health listener cannot listen on {Urls} ({Reason}). Choose a free port in " +
        "Health:Urls (env Health__Urls), or set Health:Enabled to false to run without /healthz and /metrics.")]
    private partial void LogBindFailed(string urls, string reason);
}
