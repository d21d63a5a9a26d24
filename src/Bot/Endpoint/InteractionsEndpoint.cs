using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Discord.Interactions;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>
/// <c>POST /interactions</c>, Discord's HTTP alternative to the gateway. Every request's Ed25519 signature is checked
/// over the raw body before anything else (401 and nothing done when it fails, as Discord requires); PING gets PONG;
/// any other interaction goes through the same <see cref="InteractionRunner"/> and pipeline as one from the gateway,
/// and the handler's first response (a deferral, a message, a modal) is written as this request's response.
/// </summary>
public sealed partial class InteractionsEndpoint
{
    /// <summary>Interactions carry resolved users, members and messages; far below this.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>How long Discord waits for the HTTP response before the member sees "The application did not respond".</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromSeconds(3);

    private const string MetricsPath = "interactions";

    private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);

    private static readonly byte[] Pong = """{"type":1}"""u8.ToArray();

    private readonly InteractionSignatureVerifier? _verifier;
    private readonly InteractionRunner _runner;
    private readonly RestInteractionCallback _rest;
    private readonly RecentInteractionIds _recent;
    private readonly EndpointMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionsEndpoint> _logger;
    private long _lastRefusalLog = long.MinValue;
    private long _refusedSinceLog;

    public InteractionsEndpoint(
        IOptions<InteractionOptions> options,
        InteractionRunner runner,
        RestInteractionCallback rest,
        RecentInteractionIds recent,
        EndpointMetrics metrics,
        TimeProvider time,
        ILogger<InteractionsEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _verifier = options.Value.HttpEndpointEnabled ? new InteractionSignatureVerifier(options.Value.PublicKey!.Trim(), time) : null;
        _runner = runner;
        _rest = rest;
        _recent = recent;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when <c>Interactions:PublicKey</c> is set.</summary>
    public bool Enabled => _verifier is not null;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = _time.GetUtcNow();
        var request = context.Request;
        var body = await EndpointRequestBody.ReadAsync(request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            Finish(context, StatusCodes.Status413PayloadTooLarge, "too_large");
            return;
        }

        var check = _verifier?.Check(
            request.Headers[InteractionSignatureVerifier.SignatureHeader].ToString(),
            request.Headers[InteractionSignatureVerifier.TimestampHeader].ToString(),
            body) ?? InteractionSignatureCheck.BadSignature;
        if (check != InteractionSignatureCheck.Valid)
        {
            // Discord sends bad signatures on purpose to test the endpoint: 401, and nothing of the body is read.
            Finish(context, StatusCodes.Status401Unauthorized, check == InteractionSignatureCheck.StaleTimestamp ? "stale" : "bad_signature");
            NoteRefusal(check);
            return;
        }

        Interaction interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)
                ?? throw new JsonException("The body held a null interaction.");
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
            Finish(context, StatusCodes.Status400BadRequest, "unreadable");
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            _metrics.Request(MetricsPath, "ping");
            await WriteJsonAsync(context, Pong).ConfigureAwait(false);
            return;
        }

        if (!_recent.TryAdd(interaction.Id))
        {
            LogRepeated(interaction.Id);
            Finish(context, StatusCodes.Status409Conflict, "repeated");
            return;
        }

        var callback = new HttpInteractionCallback(_rest);
        try
        {
            await _runner.StartAsync(interaction, receivedAt, callback, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping (or Discord gave up while every slot was busy): another process behind the proxy may answer.
            Finish(context, StatusCodes.Status503ServiceUnavailable, "stopping");
            return;
        }

        HttpInteractionAnswer answer;
        try
        {
            var remaining = ResponseWindow - (_time.GetUtcNow() - receivedAt);
            answer = await callback.Answer.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            answer = callback.GiveUp() ? HttpInteractionAnswer.TooLate : await callback.Answer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Discord closed the request: whatever the handler sends now fails like a late callback.
            callback.GiveUp();
            _metrics.Request(MetricsPath, "abandoned");
            return;
        }

        if (answer.Json is null)
        {
            Finish(context, answer.StatusCode, answer.StatusCode switch
            {
                StatusCodes.Status202Accepted => "answered_by_callback",
                StatusCodes.Status503ServiceUnavailable => "too_late",
                _ => "unanswered",
            });
            return;
        }

        try
        {
            await WriteJsonAsync(context, answer.Json).ConfigureAwait(false);
            _metrics.Request(MetricsPath, "answered");
            callback.Written();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            _metrics.Request(MetricsPath, "abandoned");
            callback.WriteFailed(exception);
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, byte[] json)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        await response.CompleteAsync().ConfigureAwait(false);
    }

    private void Finish(HttpContext context, int statusCode, string outcome)
    {
        _metrics.Request(MetricsPath, outcome);
        context.Response.StatusCode = statusCode;
    }

    // Discord's own checks make a few refusals normal; a steady stream means the public key is wrong. Summed per minute.
    private void NoteRefusal(InteractionSignatureCheck check)
    {
        var refused = Interlocked.Increment(ref _refusedSinceLog);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefusalLog);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= RefusalLogInterval)
            && Interlocked.CompareExchange(ref _lastRefusalLog, now, last) == last)
        {
            Interlocked.Exchange(ref _refusedSinceLog, 0);
            LogRefused(refused, check);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused {Count} interaction request(s) with a missing, wrong or stale signature (401; last: {Check}). Discord sends a few " +
        "on purpose when the Interactions Endpoint URL is saved; if members' commands fail, Interactions:PublicKey is not your " +
        "application's PUBLIC KEY, or this machine's clock is more than 5 minutes off")]
    private partial void LogRefused(long count, InteractionSignatureCheck check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed interaction request could not be read (400)")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} was POSTed again within minutes; refused (409), it is handled once")]
    private partial void LogRepeated(ulong interactionId);
}
