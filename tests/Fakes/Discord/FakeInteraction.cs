using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// An interaction the fake dispatched: its id and token, the JSON it sent, what the bot answered and the messages
/// it produced, with awaitable helpers. Timestamps measure ack latency (dispatch left the fake → callback arrived).
/// </summary>
public sealed class FakeInteraction
{
    private readonly FakeDiscordServer _server;

    internal FakeInteraction(FakeDiscordServer server, JsonObject json, int type, ulong id, string token, ulong channelId, ulong? guildId, ulong userId, ulong? sourceMessageId, long attachmentSizeLimit)
    {
        _server = server;
        Json = json;
        Type = type;
        Id = id;
        Token = token;
        ChannelId = channelId;
        GuildId = guildId;
        UserId = userId;
        SourceMessageId = sourceMessageId;
        AttachmentSizeLimit = attachmentSizeLimit;
    }

    public ulong Id { get; }

    /// <summary>The interaction token (appears in callback and webhook URLs).</summary>
    public string Token { get; }

    /// <summary>2 application command, 3 component, 5 modal submit.</summary>
    public int Type { get; }

    public ulong ChannelId { get; }

    public ulong? GuildId { get; }

    /// <summary>The invoking user's id.</summary>
    public ulong UserId { get; }

    /// <summary>For components and modals from a message: the message they came from.</summary>
    public ulong? SourceMessageId { get; }

    public long AttachmentSizeLimit { get; }

    /// <summary>The INTERACTION_CREATE data that was dispatched.</summary>
    public JsonObject Json { get; }

    /// <summary>When the dispatch left the fake (just before it went to the gateway or was POSTed).</summary>
    public DateTimeOffset DispatchedAt { get; internal set; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the dispatch left the fake.</summary>
    public long DispatchedTimestamp { get; internal set; }

    /// <summary>The accepted initial response, once it arrived.</summary>
    public FakeInteractionResponse? InitialResponse => _server.Read(() => InitialResponseValue);

    /// <summary>The id of the <c>@original</c> message, once a response created or designated one.</summary>
    public ulong? OriginalMessageId => _server.Read(() => OriginalMessageIdValue);

    /// <summary>The current <c>@original</c> message (null before the response, or when it has no message).</summary>
    public FakeMessage? Original => OriginalMessageId is { } id ? _server.LatestMessage(id) : null;

    /// <summary>Every version of <c>@original</c>, oldest first (the loading state, then each edit).</summary>
    public IReadOnlyList<FakeMessage> OriginalHistory => OriginalMessageId is { } id ? _server.MessageHistory(id) : [];

    /// <summary>The follow-up messages, current versions, in creation order.</summary>
    public IReadOnlyList<FakeMessage> Followups =>
        _server.Read(() => FollowupIds.ToArray()).Select(id => _server.LatestMessage(id)).OfType<FakeMessage>().ToArray();

    /// <summary>The time from dispatch to the initial response, once there is one.</summary>
    public TimeSpan? AckLatency => InitialResponse is { } response
        ? _server.TimeProvider.GetElapsedTime(DispatchedTimestamp, response.ReceivedTimestamp)
        : null;

    /// <summary>True when it was POSTed to the bot's interactions endpoint instead of dispatched on the gateway.</summary>
    public bool DeliveredOverHttp => HttpDelivery is not null;

    /// <summary>The endpoint's answer to the POST, once it came (or the POST gave up); null for gateway interactions.</summary>
    public FakeEndpointResponse? HttpResponse => _server.Read(() => HttpResponseValue);

    /// <summary>The endpoint's 200 answer read as the callback (what Discord made of it); null otherwise.</summary>
    public FakeDiscordCall? HttpCallback => _server.Read(() => HttpCallbackResultValue);

    /// <summary>The POST to the interactions endpoint, for interactions delivered over HTTP.</summary>
    public Task<FakeEndpointResponse>? HttpDelivery { get; internal set; }

    internal FakeEndpointResponse? HttpResponseValue { get; set; }

    internal FakeDiscordCall? HttpCallbackResultValue { get; set; }

    internal FakeInteractionResponse? InitialResponseValue { get; set; }

    internal ulong? OriginalMessageIdValue { get; set; }

    internal List<ulong> FollowupIds { get; } = [];

    public Task<FakeInteractionResponse> WaitForInitialResponseAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _server.Signal.WaitAsync(() => InitialResponse, timeout ?? FakeDiscordServer.DefaultWaitTimeout, $"an initial response to interaction {Id}", cancellationToken);

    /// <summary>Waits until <c>@original</c> exists and satisfies <paramref name="predicate"/> (e.g. no longer loading).</summary>
    public Task<FakeMessage> WaitForOriginalAsync(Func<FakeMessage, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _server.Signal.WaitAsync(
            () => Original is { } message && (predicate?.Invoke(message) ?? true) ? message : null,
            timeout ?? FakeDiscordServer.DefaultWaitTimeout,
            $"@original of interaction {Id} in the expected state",
            cancellationToken);

    /// <summary>Waits for a follow-up satisfying <paramref name="predicate"/>.</summary>
    public Task<FakeMessage> WaitForFollowupAsync(Func<FakeMessage, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _server.Signal.WaitAsync(
            () => Followups.FirstOrDefault(m => predicate?.Invoke(m) ?? true),
            timeout ?? FakeDiscordServer.DefaultWaitTimeout,
            $"a follow-up of interaction {Id}",
            cancellationToken);

    public override string ToString() => $"Interaction {Id} (type {Type})";
}
