using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Models.Validation;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Discord's REST API v10 as a typed HttpClient. Also the gateway's <see cref="IGatewayInfoSource"/>
/// (<c>GET /gateway/bot</c>). Register with <c>services.AddDiscordRest(configuration)</c>.
/// </summary>
public sealed class DiscordRestClient : IDiscordRestClient, IGatewayInfoSource
{
    private static readonly string LibraryVersion =
        typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    /// <summary>How many URLs one <c>POST /attachments/refresh-urls</c> takes.</summary>
    public const int MaxRefreshUrls = 50;

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimiter _rateLimiter;
    private readonly InvalidRequestMonitor _invalidRequests;
    private readonly DiscordRestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string _baseUrl;
    private readonly ProductInfoHeaderValue[] _userAgent;

    internal DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        DiscordRateLimiter rateLimiter,
        InvalidRequestMonitor invalidRequests,
        DiscordRestMetrics metrics,
        TimeProvider time,
        ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _rateLimiter = rateLimiter;
        _invalidRequests = invalidRequests;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
        _userAgent = [new ProductInfoHeaderValue("DiscordBot", null), new ProductInfoHeaderValue($"({_options.ProjectUrl}, {LibraryVersion})")];
    }

    /// <summary>
    /// Checks Discord's limits before sending (on by default). Tests switch it off to reach Discord's own checks.
    /// </summary>
    internal bool ValidateLocally { get; init; } = true;

    /// <summary>The User-Agent Discord requires, <c>DiscordBot (url, version)</c>.</summary>
    public string UserAgent => $"DiscordBot ({_options.ProjectUrl}, {LibraryVersion})";

    public async Task<GatewayInfo> GetGatewayInfoAsync(CancellationToken cancellationToken)
    {
        var bot = await GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var limit = bot.SessionStartLimit;
        return new GatewayInfo(
            bot.Url,
            bot.Shards,
            new SessionStartLimit(limit.Total, limit.Remaining, TimeSpan.FromMilliseconds(limit.ResetAfter), Math.Max(1, limit.MaxConcurrency)));
    }

    public Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.GatewayBot(), null, DiscordJsonContext.Default.GatewayBotResponse, retryTransient: true, cancellationToken);

    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.CurrentApplication(), null, DiscordJsonContext.Default.Application, retryTransient: true, cancellationToken);

    public Task<Guild> GetGuildAsync(ulong guildId, bool withCounts = false, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Guild(guildId, withCounts), null, DiscordJsonContext.Default.Guild, retryTransient: true, cancellationToken);

    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.GuildMember(guildId, userId), null, DiscordJsonContext.Default.GuildMember, retryTransient: true, cancellationToken);

    public async Task LeaveGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(DiscordRoute.LeaveGuild(guildId), null, null, retryTransient: true, cancellationToken).ConfigureAwait(false);

    public Task<Channel> CreateDirectMessageChannelAsync(ulong recipientId, CancellationToken cancellationToken = default)
    {
        var body = DiscordRequestBody.Json(new DirectMessageChannelCreate { RecipientId = recipientId }, DiscordJsonContext.Default.DirectMessageChannelCreate);

        // Opening a DM is idempotent (Discord returns the existing channel), so it is safe to retry.
        return SendAsync(DiscordRoute.DirectMessageChannels(), body, DiscordJsonContext.Default.Channel, retryTransient: true, cancellationToken);
    }

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateCommands(commands);
        }

        var body = DiscordRequestBody.Json(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        return SendAsync(DiscordRoute.GlobalCommands(HttpMethod.Put, applicationId), body, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, retryTransient: true, cancellationToken);
    }

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateCommands(commands);
        }

        var body = DiscordRequestBody.Json(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        return SendAsync(DiscordRoute.GuildCommands(HttpMethod.Put, applicationId, guildId), body, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, retryTransient: true, cancellationToken);
    }

    public Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.GlobalCommands(HttpMethod.Get, applicationId), null, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, retryTransient: true, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.GuildCommands(HttpMethod.Get, applicationId, guildId), null, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, retryTransient: true, cancellationToken);

    public Task<IReadOnlyList<UserGuild>> GetCurrentUserGuildsAsync(ulong after = 0, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 200);
        return SendAsync(DiscordRoute.CurrentUserGuilds(after, limit), null, DiscordJsonContext.Default.IReadOnlyListUserGuild, retryTransient: true, cancellationToken);
    }

    public async Task CreateInteractionResponseAsync(
        ulong interactionId,
        string interactionToken,
        InteractionResponse response,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateInteractionResponse(response, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(response, DiscordJsonContext.Default.InteractionResponse, files, messagePath: "data");

        // Not retried after 5xx or timeouts: a second callback would be refused as already acknowledged.
        await SendAsync<object>(DiscordRoute.InteractionCallback(interactionId, interactionToken), body, null, retryTransient: false, cancellationToken).ConfigureAwait(false);
    }

    public Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Get, applicationId, interactionToken), null, DiscordJsonContext.Default.Message, retryTransient: true, cancellationToken);

    public Task<Message> EditOriginalResponseAsync(
        ulong applicationId,
        string interactionToken,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateMessageEdit(edit, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(edit, DiscordJsonContext.Default.MessageEdit, files);
        return SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Patch, applicationId, interactionToken), body, DiscordJsonContext.Default.Message, retryTransient: true, cancellationToken);
    }

    public async Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(DiscordRoute.OriginalResponse(HttpMethod.Delete, applicationId, interactionToken), null, null, retryTransient: true, cancellationToken).ConfigureAwait(false);

    public Task<Message> CreateFollowupAsync(
        ulong applicationId,
        string interactionToken,
        FollowupMessageCreate message,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateFollowup(message, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(message, DiscordJsonContext.Default.FollowupMessageCreate, files);

        // A follow-up has no nonce, so a blind retry could post it twice.
        return SendAsync(DiscordRoute.Followups(applicationId, interactionToken), body, DiscordJsonContext.Default.Message, retryTransient: false, cancellationToken);
    }

    public Task<Message> EditFollowupAsync(
        ulong applicationId,
        string interactionToken,
        ulong messageId,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateMessageEdit(edit, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(edit, DiscordJsonContext.Default.MessageEdit, files);
        return SendAsync(DiscordRoute.Followup(HttpMethod.Patch, applicationId, interactionToken, messageId), body, DiscordJsonContext.Default.Message, retryTransient: true, cancellationToken);
    }

    public async Task DeleteFollowupAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(DiscordRoute.Followup(HttpMethod.Delete, applicationId, interactionToken, messageId), null, null, retryTransient: true, cancellationToken).ConfigureAwait(false);

    public Task<Message> CreateMessageAsync(
        ulong channelId,
        MessageCreate message,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateMessageCreate(message, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(message, DiscordJsonContext.Default.MessageCreate, files);

        // Only an enforced nonce makes a repeated POST safe: Discord then returns the first message.
        var idempotent = message.Nonce is not null && message.EnforceNonce == true;
        return SendAsync(DiscordRoute.ChannelMessages(channelId), body, DiscordJsonContext.Default.Message, retryTransient: idempotent, cancellationToken);
    }

    public Task<IReadOnlyList<Message>> GetChannelMessagesAfterAsync(
        ulong channelId,
        ulong after,
        int limit = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        return SendAsync(DiscordRoute.ChannelMessagesAfter(channelId, after, limit), null, DiscordJsonContext.Default.IReadOnlyListMessage, retryTransient: true, cancellationToken);
    }

    public Task<Message> EditMessageAsync(
        ulong channelId,
        ulong messageId,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (ValidateLocally)
        {
            DiscordValidator.ValidateMessageEdit(edit, files, maxFileSize);
        }

        var body = DiscordRequestBody.Message(edit, DiscordJsonContext.Default.MessageEdit, files);
        return SendAsync(DiscordRoute.ChannelMessage(HttpMethod.Patch, channelId, messageId), body, DiscordJsonContext.Default.Message, retryTransient: true, cancellationToken);
    }

    public async Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(DiscordRoute.ChannelMessage(HttpMethod.Delete, channelId, messageId), null, null, retryTransient: true, cancellationToken).ConfigureAwait(false);

    public Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.ChannelMessage(HttpMethod.Get, channelId, messageId), null, DiscordJsonContext.Default.Message, retryTransient: true, cancellationToken);

    public async Task<IReadOnlyList<RefreshedAttachmentUrl>> RefreshAttachmentUrlsAsync(
        IReadOnlyList<string> attachmentUrls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachmentUrls);
        if (attachmentUrls.Count is 0 or > MaxRefreshUrls)
        {
            throw new ArgumentOutOfRangeException(nameof(attachmentUrls), attachmentUrls.Count, $"Between 1 and {MaxRefreshUrls} URLs can be refreshed at once.");
        }

        var body = DiscordRequestBody.Json(new AttachmentUrlRefresh { AttachmentUrls = attachmentUrls }, DiscordJsonContext.Default.AttachmentUrlRefresh);

        // Reading, not changing: safe to retry.
        var result = await SendAsync(DiscordRoute.RefreshAttachmentUrls(), body, DiscordJsonContext.Default.AttachmentUrlRefreshResult, retryTransient: true, cancellationToken)
            .ConfigureAwait(false);
        return result.RefreshedUrls;
    }

    private async Task<T> SendAsync<T>(
        DiscordRoute route,
        DiscordRequestBody? body,
        JsonTypeInfo<T>? responseType,
        bool retryTransient,
        CancellationToken cancellationToken)
    {
        var method = route.Method.Method;
        for (var attempt = 1; ; attempt++)
        {
            if (_rateLimiter.TokenRejected && !route.UsesInteractionToken)
            {
                throw new DiscordHttpException(HttpStatusCode.Unauthorized, DiscordErrorCode.None,
                    "the bot token was rejected earlier; reset it in the Discord Developer Portal, update Discord:Token and restart",
                    [], method, route.Template);
            }

            var bucket = await _rateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            byte[] payload;
            var started = _time.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                foreach (var product in _userAgent)
                {
                    request.Headers.UserAgent.Add(product);
                }

                request.Content = body?.CreateContent();
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken) && retryTransient && attempt <= _options.MaxRetries)
                {
                    _rateLimiter.Release(route, bucket);
                    bucket = null;
                    var delay = Backoff(attempt);
                    DiscordRestLog.TransientFailure(_logger, method, route.Template, ex.GetType().Name, (long)delay.TotalMilliseconds, attempt);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _rateLimiter.Observe(route, bucket, response.Headers);
                payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var elapsed = _time.GetElapsedTime(started);
                var tags = new TagList { { "method", method }, { "route", route.Template }, { "status", status } };
                _metrics.Requests.Add(1, tags);
                _metrics.RequestDuration.Record(elapsed.TotalSeconds, new TagList { { "method", method }, { "route", route.Template } });
                DiscordRestLog.RequestCompleted(_logger, method, route.Template, status, (long)elapsed.TotalMilliseconds);

                if (response.IsSuccessStatusCode)
                {
                    if (responseType is null)
                    {
                        return default!;
                    }

                    return JsonSerializer.Deserialize(payload, responseType)
                        ?? throw new DiscordHttpException(response.StatusCode, DiscordErrorCode.None, "Discord answered with an empty body", [], method, route.Template);
                }

                var error = DiscordErrorReader.TryParse(payload);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var scope = ScopeOf(response, error);
                    var retryAfter = RetryAfter(response, error);
                    _metrics.RateLimited.Add(1, new TagList { { "route", route.Template }, { "scope", DiscordRestMetrics.ScopeName(scope) } });
                    if (scope != RateLimitScope.Shared)
                    {
                        CountInvalid(status);
                    }

                    _rateLimiter.OnRateLimited(route, bucket, scope, retryAfter);
                    if (attempt <= _options.MaxRetries)
                    {
                        DiscordRestLog.RateLimited(_logger, method, route.Template, DiscordRestMetrics.ScopeName(scope), (long)retryAfter.TotalMilliseconds, attempt);
                        continue;
                    }

                    throw new DiscordRateLimitedException(retryAfter, scope, (DiscordErrorCode)(error?.Code ?? 0), error?.Message ?? "You are being rate limited.", method, route.Template);
                }

                if (status is 401 or 403)
                {
                    CountInvalid(status);
                }

                if (status == 401 && !route.UsesInteractionToken)
                {
                    if (_rateLimiter.RejectToken(method, route.Template))
                    {
                        DiscordRestLog.TokenRejected(_logger, method, route.Template);
                    }
                }

                if (status >= 500 && retryTransient && attempt <= _options.MaxRetries)
                {
                    _rateLimiter.Release(route, bucket);
                    bucket = null;
                    var delay = Backoff(attempt);
                    DiscordRestLog.TransientFailure(_logger, method, route.Template, $"HTTP {status}", (long)delay.TotalMilliseconds, attempt);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var exception = DiscordErrorReader.ToException(response.StatusCode, error, method, route.Template);
                DiscordRestLog.RequestFailed(_logger, method, route.Template, status, (int)exception.Code, exception.DiscordMessage);
                throw exception;
            }
            finally
            {
                if (bucket is not null)
                {
                    _rateLimiter.Release(route, bucket);
                }

                response?.Dispose();
            }
        }
    }

    private void CountInvalid(int status)
    {
        _metrics.InvalidRequests.Add(1, new TagList { { "status", status } });
        _invalidRequests.Record();
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(_options.TransientRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 6)));

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,

        // HttpClient.Timeout surfaces as a cancellation that the caller did not ask for.
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static RateLimitScope ScopeOf(HttpResponseMessage response, DiscordErrorBody? error)
    {
        var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var values) ? values.FirstOrDefault() : null;
        var global = error?.Global == true
            || (response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase)));
        if (global || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitScope.Global;
        }

        return string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase) ? RateLimitScope.Shared : RateLimitScope.Route;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response, DiscordErrorBody? error)
    {
        // The body's retry_after has millisecond precision; Retry-After is whole seconds.
        if (error?.RetryAfter is { } seconds and >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return TimeSpan.FromSeconds(1);
    }
}
