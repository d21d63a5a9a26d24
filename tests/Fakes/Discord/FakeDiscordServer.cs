using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeedreamBot.Fakes.Contracts;
using SeedreamBot.Fakes.Shared;

using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// An in-process Discord on Kestrel (127.0.0.1, a free port): the REST API under <c>/api/v10</c> with Discord's
/// rules (auth, User-Agent, the 3-second window, one initial response, token lifetime, limits with 50035 trees,
/// multipart pairing, upload limits, rate-limit headers and injectable 429s), a CDN for attachments, and the
/// gateway WebSocket at <c>/gateway</c> served by an <see cref="IFakeGateway"/>. It records every call and keeps
/// every message's versions so tests can assert what a user would finally see. Every request body is also checked
/// against Discord's OpenAPI document and documented limits (<see cref="FakeDiscordContract"/>); disposing the fake
/// after a violation throws, so the test whose code sent it fails.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const ulong DefaultGuildId = 1100000000000000100;
    public const ulong DefaultChannelId = 1100000000000000200;
    public const ulong DefaultDmChannelId = 1100000000000000300;
    public const ulong DefaultUserId = 1100000000000000400;

    /// <summary>ViewChannel, SendMessages, EmbedLinks, AttachFiles, ReadMessageHistory, UseApplicationCommands.</summary>
    public const ulong DefaultMemberPermissions = (1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 15) | (1UL << 16) | (1UL << 31);

    /// <summary>The bot's permissions by default: the member defaults.</summary>
    public const ulong DefaultAppPermissions = DefaultMemberPermissions;

    private const string ApiPrefix = "/api/v10";

    private readonly IFakeGateway _gateway;
    private readonly Lock _lock = new();
    private readonly List<FakeDiscordCall> _calls = [];
    private readonly Dictionary<ulong, List<FakeMessage>> _messages = [];
    private readonly Dictionary<ulong, FakeInteraction> _interactions = [];
    private readonly Dictionary<string, FakeInteraction> _interactionsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, FakeAttachment> _cdn = [];
    private readonly HashSet<ulong> _deletedAttachments = [];
    private readonly Dictionary<string, ulong> _commandIds = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, (int Status, int Code, string Message)> _channelErrors = [];
    private readonly Dictionary<(ulong Channel, string Nonce), (ulong MessageId, DateTimeOffset At)> _nonces = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly FakeSnowflakes _ids;
    private readonly FakeContractLog _contractLog = new();
    private OpenApiDocument? _contract;

    // Signs CDN URLs (hm = HMAC over the path, ex and is), so a URL cannot be extended by editing ex.
    private readonly byte[] _cdnKey = RandomNumberGenerator.GetBytes(32);
    private List<JsonObject> _globalCommands = [];
    private readonly Dictionary<ulong, List<JsonObject>> _guildCommands = [];
    private readonly SortedDictionary<ulong, FakeGuild> _botGuilds = [];
    private WebApplication? _app;

    public FakeDiscordServer(IFakeGateway gateway, FakeDiscordOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        Options = options ?? new FakeDiscordOptions();
        _ids = new FakeSnowflakes(Options.TimeProvider);
        RateLimits = new FakeRateLimits(Options);
        foreach (var guild in Options.Guilds)
        {
            _botGuilds[guild.Id] = guild;
        }
    }

    /// <summary>How long the awaitable helpers wait by default (a safety net, not an expectation).</summary>
    public static TimeSpan DefaultWaitTimeout { get; } = TimeSpan.FromSeconds(15);

    public FakeDiscordOptions Options { get; }

    public TimeProvider TimeProvider => Options.TimeProvider;

    public FakeRateLimits RateLimits { get; }

    /// <summary>E.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Point <c>Discord:ApiBaseUrl</c> here: <c>http://127.0.0.1:port/api/v10</c>.</summary>
    public string ApiBaseUrl => BaseUrl + ApiPrefix;

    /// <summary>The gateway URL <c>GET /gateway/bot</c> hands out: <c>ws://127.0.0.1:port/gateway</c>.</summary>
    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string Token => Options.Token;

    public ulong ApplicationId => Options.ApplicationId;

    public ulong BotUserId => Options.BotUserId;

    internal FakeSignal Signal { get; } = new();

    /// <summary>Files the CDN served (answers other than 404).</summary>
    public int CdnDownloadCount { get; private set; }

    /// <summary>Every API call so far, in arrival order.</summary>
    public IReadOnlyList<FakeDiscordCall> Calls => Read(() => _calls.ToArray());

    /// <summary>Whether request bodies are validated against Discord's OpenAPI document (../shared is present).</summary>
    public bool ChecksOpenApiContract => _contract is not null;

    /// <summary>Request bodies checked against the contract so far.</summary>
    public int ContractChecks => _contractLog.Checks;

    /// <summary>Violations of Discord's contract seen so far (checks still running are not awaited).</summary>
    public IReadOnlyList<string> ContractViolations => _contractLog.Violations;

    /// <summary>
    /// Waits for the checks of every request received so far, then returns their violations and forgets them, so that
    /// a test that sends a bad body on purpose can assert on it without failing at dispose.
    /// </summary>
    public Task<IReadOnlyList<string>> TakeContractViolationsAsync() => _contractLog.TakeAsync();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _contract = Options.CheckContract ? await OpenApiDocument.DiscordIfPresentAsync().ConfigureAwait(false) : null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _app = app;
    }

    /// <exception cref="FakeContractViolationException">A request broke Discord's contract and no test took it.</exception>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Lingering connections are cut when the host is disposed.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _shutdown.Dispose();
        _endpointClient.Dispose();
        _signer.Dispose();
        await _contractLog.ThrowIfViolatedAsync("The fake Discord").ConfigureAwait(false);
    }

    /// <summary>Dispatches a slash command; add options, then <c>DispatchAsync()</c>.</summary>
    public FakeSlashCommandBuilder SlashCommand(string name) => new(this, name);

    /// <summary>Dispatches a message context-menu command; call <c>Targeting(message)</c>.</summary>
    public FakeMessageCommandBuilder MessageCommand(string name) => new(this, name);

    /// <summary>Dispatches a button press; call <c>On(message)</c>.</summary>
    public FakeButtonPressBuilder ButtonPress(string customId) => new(this, customId);

    /// <summary>Dispatches a modal submit with <c>WithValue(inputId, text)</c>.</summary>
    public FakeModalSubmitBuilder ModalSubmit(string customId) => new(this, customId);

    /// <summary>The interaction with this id, once dispatched.</summary>
    public FakeInteraction? Interaction(ulong id) => Read(() => _interactions.GetValueOrDefault(id));

    /// <summary>The current (non-deleted) messages of a channel, oldest first.</summary>
    public IReadOnlyList<FakeMessage> Messages(ulong channelId) => Read(() => _messages.Values
        .Select(versions => versions[^1])
        .Where(m => m.ChannelId == channelId && !m.Deleted)
        .OrderBy(m => m.Id)
        .ToArray());

    /// <summary>The latest version of a message (possibly a deleted one), or null.</summary>
    public FakeMessage? LatestMessage(ulong messageId) =>
        Read(() => _messages.TryGetValue(messageId, out var versions) ? versions[^1] : null);

    /// <summary>Every version of a message, oldest first.</summary>
    public IReadOnlyList<FakeMessage> MessageHistory(ulong messageId) =>
        Read(() => _messages.TryGetValue(messageId, out var versions) ? versions.ToArray() : []);

    /// <summary>The global commands stored by the last bulk overwrite.</summary>
    public IReadOnlyList<JsonObject> GlobalCommands => Read(() => _globalCommands.Select(c => (JsonObject)c.DeepClone()).ToArray());

    /// <summary>A guild's commands stored by the last bulk overwrite.</summary>
    public IReadOnlyList<JsonObject> GuildCommands(ulong guildId) =>
        Read(() => _guildCommands.TryGetValue(guildId, out var list) ? list.Select(c => (JsonObject)c.DeepClone()).ToArray() : []);

    /// <summary>Waits for an API call matching <paramref name="predicate"/> (already recorded ones count).</summary>
    public Task<FakeDiscordCall> WaitForCallAsync(Func<FakeDiscordCall, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Signal.WaitAsync(() => Read(() => _calls.FirstOrDefault(predicate)), timeout ?? DefaultWaitTimeout, "the expected API call", cancellationToken);

    /// <summary>Waits until <paramref name="channelId"/> has a message satisfying <paramref name="predicate"/>.</summary>
    public Task<FakeMessage> WaitForMessageAsync(ulong channelId, Func<FakeMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Signal.WaitAsync(() => Messages(channelId).FirstOrDefault(predicate), timeout ?? DefaultWaitTimeout, $"the expected message in channel {channelId}", cancellationToken);

    /// <summary>Makes every message call on a channel fail, e.g. 403 / 50013 Missing Permissions.</summary>
    public void SetChannelError(ulong channelId, int status, int code, string message) =>
        Write(() => _channelErrors[channelId] = (status, code, message));

    public void ClearChannelError(ulong channelId) => Write(() => _channelErrors.Remove(channelId));

    /// <summary>Puts a message by a (human) user into a channel, e.g. the target of a message command.</summary>
    public FakeMessage AddUserMessage(ulong channelId, string content, IReadOnlyList<FakeUpload>? uploads = null, JsonArray? embeds = null, ulong? guildId = DefaultGuildId, ulong authorId = DefaultUserId)
    {
        var attachments = (uploads ?? []).Select(u => RegisterCdnAttachment(u, ephemeral: false)).ToArray();
        var message = new FakeMessage
        {
            Id = _ids.Next(),
            ChannelId = channelId,
            GuildId = guildId,
            AuthorId = authorId,
            AuthorName = "member",
            Content = content,
            Embeds = embeds ?? [],
            Attachments = attachments,
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        Write(() => _messages[message.Id] = [message]);
        return message;
    }

    /// <summary>Serves <paramref name="upload"/> from <c>/cdn/attachments/{id}/{filename}</c> and returns its attachment.</summary>
    public FakeAttachment RegisterCdnAttachment(FakeUpload upload, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var id = _ids.Next();
        var (width, height) = upload.Width is null ? PngSize(upload.Content) : (upload.Width, upload.Height);
        var attachment = new FakeAttachment
        {
            Id = id,
            Filename = upload.FileName,
            ContentType = upload.ContentType,
            Content = upload.Content,
            Url = CdnUrl(id, upload.FileName),
            Width = width,
            Height = height,
            Ephemeral = ephemeral,
        };
        Write(() => _cdn[id] = attachment);
        return attachment;
    }

    internal async Task<FakeInteraction> DispatchAsync<TBuilder>(FakeInteractionBuilder<TBuilder> builder, CancellationToken cancellationToken)
        where TBuilder : FakeInteractionBuilder<TBuilder>
    {
        var interaction = Register(builder);

        // With an Interactions Endpoint URL, Discord POSTs instead of dispatching on the gateway (and does not wait
        // here: the answer arrives as the request's response, within the 3-second window).
        if (InteractionsEndpoint is { } endpoint)
        {
            interaction.HttpDelivery = DeliverOverHttpAsync(interaction, endpoint);
            _httpDeliveries.Add(interaction.HttpDelivery);
            return interaction;
        }

        await _gateway.DispatchAsync("INTERACTION_CREATE", interaction.Json.DeepClone(), interaction.GuildId, cancellationToken).ConfigureAwait(false);
        return interaction;
    }

    /// <summary>Gives the interaction an id and token and starts its 3-second window.</summary>
    private FakeInteraction Register<TBuilder>(FakeInteractionBuilder<TBuilder> builder)
        where TBuilder : FakeInteractionBuilder<TBuilder>
    {
        var id = _ids.Next();
        var token = "aW50ZXJhY3Rpb246" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var interaction = builder.Build(id, token);
        if (interaction.GuildId is { } guildId)
        {
            NoteInteractionMember(guildId, interaction.UserId, builder.RoleIds);
        }

        Write(() =>
        {
            _interactions[id] = interaction;
            _interactionsByToken[token] = interaction;
            interaction.DispatchedAt = TimeProvider.GetUtcNow();
            interaction.DispatchedTimestamp = TimeProvider.GetTimestamp();
        });
        return interaction;
    }

    internal ulong CommandId(string name, int type, ulong? guildId) => Read(() =>
    {
        if (guildId is { } guild && IsRegisteredInGuild(name, type, guild) && _commandIds.TryGetValue(CommandKey(name, type, guild), out var guildCommand))
        {
            return guildCommand;
        }

        return _commandIds.TryGetValue(CommandKey(name, type, null), out var global) ? global : 1100000000000009000UL + (ulong)(uint)StringComparer.Ordinal.GetHashCode(name) % 1000;
    });

    internal bool IsGuildCommand(string name, ulong guildId) =>
        Read(() => IsRegisteredInGuild(name, 1, guildId));

    // Ids stay stable across overwrites, but a command removed from a guild is no longer the one members use there.
    private bool IsRegisteredInGuild(string name, int type, ulong guildId) =>
        _guildCommands.TryGetValue(guildId, out var commands)
        && commands.Any(c => (FakeMessageRules.Int(c["type"]) ?? 1) == type && FakeMessageRules.Text(c["name"]) == name);

    internal T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (_lock)
        {
            write();
        }

        Signal.Pulse();
    }

    private static string CommandKey(string name, int type, ulong? guildId) =>
        string.Create(CultureInfo.InvariantCulture, $"{guildId?.ToString(CultureInfo.InvariantCulture) ?? "global"}:{type}:{name}");

    /// <summary>A freshly signed URL of an attachment, valid for <see cref="FakeDiscordOptions.CdnUrlLifetime"/> from now.</summary>
    public string FreshUrl(FakeAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return CdnUrl(attachment.Id, attachment.Filename);
    }

    private string CdnUrl(ulong id, string fileName)
    {
        var now = TimeProvider.GetUtcNow();
        var expires = now.Add(Options.CdnUrlLifetime).ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        var issued = now.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        var path = CdnPath(id, fileName);
        return $"{BaseUrl}{path}?ex={expires}&is={issued}&hm={CdnSignature(path, expires, issued)}&";
    }

    // The signed form of the path: escaped as in the URL (the request's path arrives unescaped), media proxy or not.
    private static string CdnPath(ulong id, string fileName) =>
        $"/cdn/attachments/{id.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(fileName)}";

    private string CdnSignature(string path, string expires, string issued) =>
        Convert.ToHexString(HMACSHA256.HashData(_cdnKey, Encoding.UTF8.GetBytes($"{path}|{expires}|{issued}"))).ToLowerInvariant();

    /// <summary>True when the query carries a valid signature for <paramref name="path"/> that has not expired.</summary>
    private bool SignatureValid(string path, IQueryCollection query)
    {
        var expires = query["ex"].ToString();
        var issued = query["is"].ToString();
        var signature = query["hm"].ToString();
        if (expires.Length == 0 || issued.Length == 0 || signature.Length == 0
            || !long.TryParse(expires, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var expiry))
        {
            return false;
        }

        var expected = CdnSignature(path, expires, issued);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()))
            && TimeProvider.GetUtcNow().ToUnixTimeSeconds() < expiry;
    }

    /// <summary>Attachments a refresh can renew: on a message that still exists (ephemeral ones belong to none).</summary>
    private FakeAttachment? Refreshable(ulong attachmentId) =>
        _messages.Values
            .Select(versions => versions[^1])
            .Where(message => !message.Deleted)
            .SelectMany(message => message.Attachments)
            .FirstOrDefault(attachment => attachment.Id == attachmentId && !attachment.Ephemeral);

    // Discord reports image dimensions; read them from a PNG header when the test did not give them.
    private static (int? Width, int? Height) PngSize(byte[] content)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (content.Length >= 24 && content.AsSpan(0, 8).SequenceEqual(signature))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(20, 4)));
        }

        return (null, null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/gateway" or "/gateway/")
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
            await _gateway.AcceptAsync(socket, context.Request.QueryString.Value ?? "", linked.Token).ConfigureAwait(false);
            return;
        }

        // The CDN, and the media proxy in front of it (proxy_url), which serves the same files.
        if (path.StartsWith("/cdn/attachments/", StringComparison.Ordinal) || path.StartsWith("/media/attachments/", StringComparison.Ordinal))
        {
            await ServeCdnAsync(context, path).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        await HandleApiAsync(context, path[ApiPrefix.Length..]).ConfigureAwait(false);
    }

    private async Task ServeCdnAsync(HttpContext context, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        FakeAttachment? attachment = null;
        if (segments.Length == 4 && ulong.TryParse(segments[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            attachment = Read(() => _cdn.GetValueOrDefault(id));
        }

        // Like Discord's CDN: an unsigned, tampered or expired URL is as gone as a deleted file.
        if (attachment is null || !string.Equals(Uri.UnescapeDataString(segments[3]), attachment.Filename, StringComparison.Ordinal)
            || !SignatureValid(CdnPath(attachment.Id, attachment.Filename), context.Request.Query)
            || AttachmentDeleted(attachment))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("This content is no longer available.").ConfigureAwait(false);
            return;
        }

        Write(() => CdnDownloadCount++);
        context.Response.ContentType = attachment.ContentType ?? "application/octet-stream";
        context.Response.ContentLength = attachment.Content.Length;
        await context.Response.Body.WriteAsync(attachment.Content).ConfigureAwait(false);
    }

    private async Task HandleApiAsync(HttpContext context, string apiPath)
    {
        var now = TimeProvider.GetUtcNow();
        var timestamp = TimeProvider.GetTimestamp();
        var request = context.Request;
        var method = request.Method;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var match = FakeRoutes.Match(method, apiPath);
        var (json, parts, multipart, bodyError) = await ReadBodyAsync(request).ConfigureAwait(false);
        var call = new FakeDiscordCall
        {
            Method = method,
            Path = apiPath,
            Route = match?.Template ?? "",
            Query = request.QueryString.Value ?? "",
            Headers = headers,
            RouteValues = match?.Values ?? new Dictionary<string, string>(),
            Json = json,
            IsMultipart = multipart,
            Parts = parts,
            ReceivedAt = now,
            ReceivedTimestamp = timestamp,
        };

        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        FakeRestResult result;
        var authorization = headers.GetValueOrDefault("Authorization");
        var userAgent = headers.GetValueOrDefault("User-Agent") ?? "";
        if (match is null)
        {
            result = FakeRestResult.Error(404, 0, "404: Not Found");
        }
        else if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            // Discord sits behind Cloudflare, which refuses clients without a proper bot User-Agent.
            result = FakeRestResult.Error(403, 40333, "internal network error");
        }
        else if (!string.Equals(authorization, "Bot " + Token, StringComparison.Ordinal))
        {
            result = FakeRestResult.Error(401, 0, "401: Unauthorized");
        }
        else if (bodyError is not null)
        {
            result = bodyError;
        }
        else
        {
            var (rateHeaders, limited) = RateLimits.Admit($"{method} {match.Template}", match.Major, match.ExemptFromGlobal, now);
            foreach (var (name, value) in rateHeaders)
            {
                responseHeaders[name] = value;
            }

            if (limited is not null)
            {
                result = new FakeRestResult(429, limited);
            }
            else
            {
                var fault = TakeFault(call);
                if (fault?.Kind == FakeDiscordFaultKind.SlowBeforeApplying && !await DelayAsync(fault.Delay, context.RequestAborted).ConfigureAwait(false))
                {
                    // The client gave up before Discord got to it: nothing was applied.
                    call.StatusCode = 0;
                    Write(() => _calls.Add(call));
                    CheckContractInBackground(call);
                    return;
                }

                var restRequest = fault is null
                    ? new FakeRestRequest(match.Values, json, parts, call.Query, now, timestamp)
                    : new FakeRestRequest(match.Values, json, parts, call.Query, TimeProvider.GetUtcNow(), TimeProvider.GetTimestamp());
                lock (_lock)
                {
                    result = Handle(match.Template, method, restRequest);
                }

                switch (fault?.Kind)
                {
                    case FakeDiscordFaultKind.ApplyThenFail:
                        result = FakeRestResult.Error(fault.Status, 0, $"{fault.Status}: Internal Server Error");
                        break;
                    case FakeDiscordFaultKind.ApplyThenHang:
                        call.StatusCode = result.Status;
                        call.ResponseJson = result.Body?.DeepClone();
                        Write(() => _calls.Add(call));
                        CheckContractInBackground(call);
                        await DelayAsync(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                        if (context.RequestAborted.IsCancellationRequested)
                        {
                            return;
                        }

                        await WriteResponseAsync(context, result, responseHeaders).ConfigureAwait(false);
                        return;
                }
            }
        }

        call.StatusCode = result.Status;
        call.ResponseJson = result.Body?.DeepClone();
        Write(() => _calls.Add(call));
        CheckContractInBackground(call);
        await WriteResponseAsync(context, result, responseHeaders).ConfigureAwait(false);
    }

    private static async Task WriteResponseAsync(HttpContext context, FakeRestResult result, Dictionary<string, string> responseHeaders)
    {
        context.Response.StatusCode = result.Status;
        foreach (var (name, value) in responseHeaders)
        {
            context.Response.Headers[name] = value;
        }

        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.Body.ToJsonString()).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the call's body against Discord's contract, off the response path.</summary>
    private void CheckContractInBackground(FakeDiscordCall call)
    {
        if (!Options.CheckContract || (call.Json is null && FakeDiscordContract.Refusal(call) is null))
        {
            return;
        }

        var contract = _contract;
        _contractLog.CheckInBackground(() =>
            FakeDiscordContract.Check(contract, call).Concat(FakeDiscordContract.Refusal(call) is { } refusal ? [refusal] : []));
    }

    /// <summary>Waits in real time (the client's timeout is real time too); false when the client went away first.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken clientGone)
    {
        try
        {
            await Task.Delay(delay, clientGone).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<(JsonNode? Json, IReadOnlyList<FakeMultipartPart> Parts, bool Multipart, FakeRestResult? Error)> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > 0 && request.ContentLength > Options.MaxRequestSize)
        {
            return (null, [], false, FakeRestResult.Error(413, 40005, "Request entity too large"));
        }

        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var parts = new List<FakeMultipartPart>();
            JsonNode? payload = null;
            foreach (var field in form)
            {
                var text = field.Value.ToString();
                parts.Add(new FakeMultipartPart(field.Key, null, "application/json", Encoding.UTF8.GetBytes(text)));
                if (field.Key == "payload_json")
                {
                    try
                    {
                        payload = JsonNode.Parse(text);
                    }
                    catch (JsonException)
                    {
                        return (null, parts, true, FakeRestResult.Error(400, 50109, "The request body contains invalid JSON."));
                    }
                }
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer).ConfigureAwait(false);
                parts.Add(new FakeMultipartPart(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }

            return (payload, parts, true, null);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return (null, [], false, null);
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var errors = new FakeErrorTree();
            errors.Add("", "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.");
            return (null, [], false, FakeRestResult.Invalid(errors));
        }

        try
        {
            return (JsonNode.Parse(body.ToArray()), [], false, null);
        }
        catch (JsonException)
        {
            return (null, [], false, FakeRestResult.Error(400, 50109, "The request body contains invalid JSON."));
        }
    }

    private FakeRestResult Handle(string template, string method, FakeRestRequest request) => (method, template) switch
    {
        ("GET", "/gateway/bot") => GatewayBot(),
        ("GET", "/applications/@me") => CurrentApplication(),
        ("PUT", "/applications/{application_id}/commands") => OverwriteCommands(request, null),
        ("GET", "/applications/{application_id}/commands") => ListCommands(request, null),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands") => OverwriteCommands(request, request.Id("guild_id")),
        ("GET", "/applications/{application_id}/guilds/{guild_id}/commands") => ListCommands(request, request.Id("guild_id")),
        ("GET", "/users/@me/guilds") => CurrentUserGuilds(request),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback") => Callback(request),
        (_, "/webhooks/{application_id}/{interaction_token}/messages/@original") => Original(method, request),
        ("POST", "/webhooks/{application_id}/{interaction_token}") => CreateFollowup(request),
        (_, "/webhooks/{application_id}/{interaction_token}/messages/{message_id}") => Followup(method, request),
        ("GET", "/guilds/{guild_id}") => GetGuild(request),
        ("GET", "/guilds/{guild_id}/members/{user_id}") => GetGuildMember(request),
        ("DELETE", "/users/@me/guilds/{guild_id}") => LeaveGuild(request),
        ("POST", "/users/@me/channels") => CreateDirectMessageChannel(request),
        ("POST", "/channels/{channel_id}/messages") => CreateChannelMessage(request),
        ("GET", "/channels/{channel_id}/messages") => ListChannelMessages(request),
        (_, "/channels/{channel_id}/messages/{message_id}") => ChannelMessage(method, request),
        ("POST", "/attachments/refresh-urls") => RefreshUrls(request),
        _ => FakeRestResult.Error(405, 0, "405: Method Not Allowed"),
    };
}
