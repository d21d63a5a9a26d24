using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The retry and timeout pipeline of both Apiframe clients. Retrying a POST is safe because every submission carries
/// an idempotency key; a 4xx other than 429 is never retried because it will not change.
/// </summary>
internal static class ApiframeResilience
{
    public const string LoggerCategory = "SeedreamBot.Core.Seedream.ApiframeResilience";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ApiframeOptions>>().Value;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        Configure(builder, options, time, logger);
    }

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ApiframeOptions options,
        TimeProvider time,
        ILogger logger)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, time) : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    SeedreamLog.Retrying(
                        logger,
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        (int?)args.Outcome.Result?.StatusCode,
                        args.Outcome.Result is { } response ? ApiframeHeaders.RequestIdOf(response) : null,
                        args.Outcome.Exception?.GetType().Name);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.RequestTimeout);
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ApiframeOptions options, TimeProvider time)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        // A Retry-After longer than we are willing to wait ends the call now, so the member hears about it promptly.
        if (RetryAfterHeader.Read(response, time) is { } wait && wait > options.MaxRetryAfter)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        return response.StatusCode == HttpStatusCode.TooManyRequests
               || (status >= 500 && response.StatusCode is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));
    }
}
