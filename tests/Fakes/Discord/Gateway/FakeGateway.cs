using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>
/// A Discord gateway that follows Discord's rules: Hello, Identify (token, intents, shard and session-budget checks),
/// READY, heartbeats and ACKs, Resume with replay of missed events, and Discord's close codes for misbehaving
/// clients (4001–4005, 4008). Test controls break connections in every way Discord does.
/// </summary>
/// <remarks>
/// Mount it at <c>/gateway</c> (FakeDiscordServer does) and set <see cref="PublicUrl"/> to that address so READY
/// can carry a <c>resume_gateway_url</c>: the same address with <c>?resume=1</c>, which tells resume-connects apart.
/// </remarks>
public sealed class FakeGateway : IFakeGateway
{
    public const int MaxPayloadBytes = 4096;
    public const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);
    public const int KnownIntents = ((1 << 17) - 1) | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);
    public const int GuildsIntent = 1 << 0;

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly FakeGatewayOptions _options;
    private readonly Lock _lock = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Dictionary<string, FakeGatewaySession> _sessions = [];
    private readonly Dictionary<int, FakeGatewaySession> _latestSessionByShard = [];
    private readonly Dictionary<int, FakeShardCounters> _counters = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private readonly List<JsonObject> _identifyPayloads = [];
    private readonly List<JsonObject> _receivedPayloads = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;
    private int _shardCountInUse = 1;
    private int _sessionCounter;
    private int _undelivered;
    private int _budgetViolations;
    private int _identifyRateViolations;

    public FakeGateway(FakeGatewayOptions? options = null)
    {
        _options = options ?? new FakeGatewayOptions();
        _remaining = _options.SessionStartRemaining;
    }

    public FakeGatewayOptions Options => _options;

    /// <summary>The WebSocket address the fake is mounted at (e.g. <c>ws://127.0.0.1:1234/gateway</c>).</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>What READY sends as <c>resume_gateway_url</c>; null (and omitted) until <see cref="PublicUrl"/> is set.</summary>
    public string? ResumeGatewayUrl => PublicUrl is null ? null : new UriBuilder(PublicUrl) { Query = "resume=1" }.Uri.ToString();

    public int ConnectionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public IReadOnlyList<FakeGatewayConnectionInfo> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections.Select(c => c.Describe())];
            }
        }
    }

    /// <summary>The <c>d</c> of every Identify received, valid or not.</summary>
    public IReadOnlyList<JsonObject> IdentifyPayloads
    {
        get
        {
            lock (_lock)
            {
                return [.. _identifyPayloads.Select(p => (JsonObject)p.DeepClone())];
            }
        }
    }

    /// <summary>Every payload received from clients, in order.</summary>
    public IReadOnlyList<JsonObject> ReceivedPayloads
    {
        get
        {
            lock (_lock)
            {
                return [.. _receivedPayloads.Select(p => (JsonObject)p.DeepClone())];
            }
        }
    }

    /// <summary>The session starts left, as <c>GET /gateway/bot</c> reports them.</summary>
    public int SessionStartsRemaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Identifies sent while no session starts were left (Discord would reset the token).</summary>
    public int BudgetViolations => Volatile.Read(ref _budgetViolations);

    /// <summary>Identifies sent too soon in their <c>max_concurrency</c> bucket.</summary>
    public int IdentifyRateViolations => Volatile.Read(ref _identifyRateViolations);

    /// <summary>Events dispatched while their shard had no session: Discord drops them.</summary>
    public int UndeliveredEvents => Volatile.Read(ref _undelivered);

    public JsonObject DescribeForGatewayBot()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["shards"] = _options.RecommendedShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = _options.SessionStartTotal,
                    ["remaining"] = _remaining,
                    ["reset_after"] = (long)_options.SessionStartResetAfter.TotalMilliseconds,
                    ["max_concurrency"] = _options.MaxConcurrency,
                },
            };
        }
    }

    /// <summary>The sequence number of the last dispatch sent in the shard's current session (0 before any).</summary>
    public int LastSequence(int shardId = 0)
    {
        lock (_lock)
        {
            return _latestSessionByShard.GetValueOrDefault(shardId)?.Sequence ?? 0;
        }
    }

    public FakeGatewayShardStats GetShardStats(int shardId = 0)
    {
        lock (_lock)
        {
            return Counters(shardId).Snapshot();
        }
    }

    public async Task AcceptAsync(WebSocket socket, string queryString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        FakeGatewayConnection connection;
        lock (_lock)
        {
            var viaResume = queryString.Contains("resume=1", StringComparison.Ordinal);
            connection = new FakeGatewayConnection(_connections.Count + 1, socket, queryString ?? "", viaResume, _options.MaxFrameBytes);
            _connections.Add(connection);
        }

        Pulse();
        try
        {
            await connection.TrySendAsync(
                Payload(10, new JsonObject { ["heartbeat_interval"] = (int)_options.HeartbeatInterval.TotalMilliseconds }),
                cancellationToken);
            await ReceiveLoopAsync(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away (or the test dropped it).
        }
        finally
        {
            connection.Open = false;
            await DetachAsync(connection);
            Pulse();
        }
    }

    public async Task DispatchAsync(string eventName, JsonNode data, ulong? guildId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(data);
        int shardId;
        lock (_lock)
        {
            shardId = guildId is { } id ? (int)((id >> 22) % (ulong)_shardCountInUse) : 0;
        }

        await DispatchToShardAsync(shardId, eventName, data, cancellationToken);
    }

    /// <summary>Dispatches to a shard's session; kept for replay if its connection is down.</summary>
    public async Task DispatchToShardAsync(int shardId, string eventName, JsonNode data, CancellationToken cancellationToken = default)
    {
        FakeGatewaySession? session;
        lock (_lock)
        {
            session = _latestSessionByShard.GetValueOrDefault(shardId);
            if (session is null || session.Invalidated)
            {
                _undelivered++;
                Pulse();
                return;
            }

            Counters(shardId).Dispatched++;
        }

        await session.Lock.WaitAsync(cancellationToken);
        try
        {
            var sequence = ++session.Sequence;
            var copy = data.DeepClone();
            session.Events.Add((sequence, eventName, copy));
            if (session.Connection is { Open: true } live)
            {
                await live.TrySendAsync(Dispatch(eventName, sequence, copy.DeepClone()), cancellationToken);
            }
        }
        finally
        {
            session.Lock.Release();
        }

        Pulse();
    }

    /// <summary>Drops the shard's connection without a close frame, as a network failure would.</summary>
    public Task DropAsync(int shardId = 0)
    {
        LiveConnection(shardId).Drop();
        return Task.CompletedTask;
    }

    /// <summary>Sends op 7 Reconnect.</summary>
    public async Task SendReconnectAsync(int shardId = 0) =>
        await LiveConnection(shardId).TrySendAsync(Payload(7, null), CancellationToken.None);

    /// <summary>Sends op 9 Invalid Session; when not <paramref name="resumable"/> the session is gone for good.</summary>
    public async Task SendInvalidSessionAsync(bool resumable, int shardId = 0)
    {
        var connection = LiveConnection(shardId);
        if (!resumable)
        {
            Invalidate(connection.Session);
        }

        await connection.TrySendAsync(Payload(9, JsonValue.Create(resumable)), CancellationToken.None);
    }

    /// <summary>Closes the shard's connection with <paramref name="code"/>. 4007, 4009 and the fatal codes end the session too.</summary>
    public async Task CloseAsync(int code, string reason = "", int shardId = 0)
    {
        var connection = LiveConnection(shardId);
        if (code is 4007 or 4009 or 4004 or (>= 4010 and <= 4014))
        {
            Invalidate(connection.Session);
        }

        await connection.CloseAsync(code, reason);
    }

    /// <summary>
    /// Forgets the shard's session without telling the client, as Discord does when a disconnected session times
    /// out: its next resume is answered with op 9 false.
    /// </summary>
    public void ExpireSession(int shardId = 0)
    {
        lock (_lock)
        {
            if (_latestSessionByShard.GetValueOrDefault(shardId) is { } session)
            {
                session.Invalidated = true;
            }
        }
    }

    /// <summary>Stops answering heartbeats on the shard's current connection, turning it into a zombie.</summary>
    public void StopAckingHeartbeats(int shardId = 0) => LiveConnection(shardId).AckHeartbeats = false;

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public async Task RequestHeartbeatAsync(int shardId = 0) =>
        await LiveConnection(shardId).TrySendAsync(Payload(1, null), CancellationToken.None);

    public Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => ConnectionCount >= count, $"{count} connection(s)", timeout);

    public Task WaitForIdentifyAsync(int shardId = 0, int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => GetShardStats(shardId).Identifies >= count, $"{count} identify(s) of shard {shardId}", timeout);

    /// <summary>READY is sent in the same step as an accepted Identify, so this waits for that.</summary>
    public Task WaitForReadyAsync(int shardId = 0, int count = 1, TimeSpan? timeout = null) =>
        WaitForIdentifyAsync(shardId, count, timeout);

    public Task WaitForResumeAsync(int shardId = 0, int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => GetShardStats(shardId).Resumes >= count, $"{count} resume(s) of shard {shardId}", timeout);

    public Task WaitForHeartbeatsAsync(int shardId = 0, int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => GetShardStats(shardId).Heartbeats >= count, $"{count} heartbeat(s) of shard {shardId}", timeout);

    public Task WaitForHeartbeatAcksAsync(int shardId = 0, int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => GetShardStats(shardId).HeartbeatAcks >= count, $"{count} heartbeat ACK(s) to shard {shardId}", timeout);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever the fake's state changes.</summary>
    /// <exception cref="TimeoutException">It did not hold within the timeout (15 s by default).</exception>
    public async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The fake gateway did not see {description} within {timeout ?? DefaultWait}. Connections: " +
                    string.Join("; ", Connections));
            }
        }
    }

    private async Task ReceiveLoopAsync(FakeGatewayConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        var socket = connection.Socket;
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.ClientCloseCode = (int?)socket.CloseStatus;
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await connection.CloseAsync((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "", echo: true);
                    }

                    return;
                }

                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage);

            if (buffer.WrittenCount > MaxPayloadBytes)
            {
                await connection.CloseAsync(4002, "Payload too large.");
                continue;
            }

            if (!connection.TryCountReceived(DateTimeOffset.UtcNow))
            {
                await connection.CloseAsync(4008, "You are being rate limited.");
                continue;
            }

            JsonObject? payload;
            try
            {
                payload = JsonNode.Parse(buffer.WrittenSpan) as JsonObject;
            }
            catch (JsonException)
            {
                payload = null;
            }

            if (payload is null || !TryGetInt(payload["op"], out var op))
            {
                await connection.CloseAsync(4002, "Error while decoding payload.");
                continue;
            }

            lock (_lock)
            {
                _receivedPayloads.Add((JsonObject)payload.DeepClone());
            }

            await HandleAsync(connection, op, payload["d"], cancellationToken);
            Pulse();
        }
    }

    private async Task HandleAsync(FakeGatewayConnection connection, int op, JsonNode? data, CancellationToken cancellationToken)
    {
        switch (op)
        {
            case 1:
                await HeartbeatAsync(connection, cancellationToken);
                break;
            case 2:
                await IdentifyAsync(connection, data, cancellationToken);
                break;
            case 6:
                await ResumeAsync(connection, data, cancellationToken);
                break;
            case 3 or 4 or 8 or 31 or 43:
                if (!connection.Authenticated)
                {
                    await connection.CloseAsync(4003, "Not authenticated.");
                }

                break;
            default:
                await connection.CloseAsync(4001, "Unknown opcode.");
                break;
        }
    }

    private async Task HeartbeatAsync(FakeGatewayConnection connection, CancellationToken cancellationToken)
    {
        var shard = connection.ShardId ?? 0;
        lock (_lock)
        {
            Counters(shard).Heartbeats++;
        }

        if (connection.AckHeartbeats && await connection.TrySendAsync(Payload(11, null), cancellationToken))
        {
            lock (_lock)
            {
                Counters(shard).HeartbeatAcks++;
            }
        }
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection, JsonNode? data, CancellationToken cancellationToken)
    {
        if (_options.IdentifyInTransit is { } inTransit)
        {
            await inTransit(ShardIdOf(data), cancellationToken);
        }

        if (data is JsonObject recorded)
        {
            lock (_lock)
            {
                _identifyPayloads.Add((JsonObject)recorded.DeepClone());
            }
        }

        if (connection.Authenticated)
        {
            await connection.CloseAsync(4005, "Already authenticated.");
            return;
        }

        if (data is not JsonObject identify
            || identify["properties"] is not JsonObject properties
            || !new[] { "os", "browser", "device" }.All(key => properties[key] is JsonValue value && value.TryGetValue<string>(out _))
            || !TryGetInt(identify["intents"], out var intents))
        {
            await connection.CloseAsync(4002, "Error while decoding payload.");
            return;
        }

        if (!TryGetString(identify["token"], out var token) || token != _options.Token)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        if ((intents & ~KnownIntents) != 0)
        {
            await connection.CloseAsync(4013, "Invalid intent(s).");
            return;
        }

        if ((intents & PrivilegedIntents) != 0 && !_options.PrivilegedIntentsAllowed)
        {
            await connection.CloseAsync(4014, "Disallowed intent(s).");
            return;
        }

        var shardId = 0;
        var shardCount = 1;
        if (identify["shard"] is { } shard)
        {
            if (shard is not JsonArray { Count: 2 } pair || !TryGetInt(pair[0], out shardId) || !TryGetInt(pair[1], out shardCount)
                || shardCount < 1 || shardId < 0 || shardId >= shardCount)
            {
                await connection.CloseAsync(4010, "Invalid shard.");
                return;
            }
        }

        if (_options.RequiredShards is { } required && shardCount < required)
        {
            await connection.CloseAsync(4011, "Sharding required.");
            return;
        }

        FakeGatewaySession? session = null;
        var rateLimited = false;
        var overBudget = false;
        lock (_lock)
        {
            var bucket = shardId % Math.Max(1, _options.MaxConcurrency);
            var now = DateTimeOffset.UtcNow;
            if (_lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < _options.IdentifyWindow)
            {
                rateLimited = true;
                _identifyRateViolations++;
            }
            else if (_remaining <= 0)
            {
                overBudget = true;
                _budgetViolations++;
            }
            else
            {
                _lastIdentifyByBucket[bucket] = now;
                _remaining--;
                session = new FakeGatewaySession($"fake-session-{++_sessionCounter}", shardId, shardCount);
                // Held (uncontended, so at once) before anyone can see the session: no dispatch may slip in before READY.
                session.Lock.Wait(0);
                _sessions[session.Id] = session;
                _latestSessionByShard[shardId] = session;
                _shardCountInUse = shardCount;
                connection.ShardId = shardId;
                connection.Identified = true;
                connection.Authenticated = true;
                connection.Session = session;
                var counters = Counters(shardId);
                counters.Connections++;
                counters.Identifies++;
            }
        }

        if (rateLimited)
        {
            await connection.TrySendAsync(Payload(9, JsonValue.Create(false)), cancellationToken);
            return;
        }

        if (overBudget || session is null)
        {
            // Discord resets the token of a bot that exceeds its daily identifies.
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        try
        {
            var guilds = _options.Guilds.Where(g => (int)((g.Id >> 22) % (ulong)shardCount) == shardId).ToList();
            session.Sequence = 1;
            await connection.TrySendAsync(Dispatch("READY", 1, Ready(session, identify["shard"] is not null, guilds)), cancellationToken);
            if ((intents & GuildsIntent) != 0)
            {
                foreach (var guild in guilds)
                {
                    var sequence = ++session.Sequence;
                    var created = GuildCreate(guild);
                    session.Events.Add((sequence, "GUILD_CREATE", created));
                    await connection.TrySendAsync(Dispatch("GUILD_CREATE", sequence, created.DeepClone()), cancellationToken);
                }
            }

            session.Connection = connection;
        }
        finally
        {
            session.Lock.Release();
        }
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonNode? data, CancellationToken cancellationToken)
    {
        if (connection.Authenticated)
        {
            await connection.CloseAsync(4005, "Already authenticated.");
            return;
        }

        if (data is not JsonObject resume || !TryGetString(resume["session_id"], out var sessionId) || !TryGetInt(resume["seq"], out var seq))
        {
            await connection.CloseAsync(4002, "Error while decoding payload.");
            return;
        }

        if (!TryGetString(resume["token"], out var token) || token != _options.Token)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        FakeGatewaySession? session;
        lock (_lock)
        {
            session = _sessions.GetValueOrDefault(sessionId);
        }

        if (session is not null)
        {
            await session.Lock.WaitAsync(cancellationToken);
            try
            {
                if (!session.Invalidated && seq <= session.Sequence)
                {
                    await CompleteResumeAsync(connection, session, seq, cancellationToken);
                    return;
                }
            }
            finally
            {
                session.Lock.Release();
            }
        }

        lock (_lock)
        {
            Counters(session?.ShardId ?? 0).RejectedResumes++;
        }

        await connection.TrySendAsync(Payload(9, JsonValue.Create(false)), cancellationToken);
    }

    /// <summary>Replays what the session missed, then RESUMED; called holding the session's lock.</summary>
    private async Task CompleteResumeAsync(FakeGatewayConnection connection, FakeGatewaySession session, int seq, CancellationToken cancellationToken)
    {
        if (session.Connection is { } previous && previous != connection)
        {
            previous.Drop();
        }

        var missed = session.Events.Where(e => e.Sequence > seq).ToList();
        lock (_lock)
        {
            connection.ShardId = session.ShardId;
            connection.Authenticated = true;
            connection.Session = session;
            var counters = Counters(session.ShardId);
            counters.Connections++;
            counters.Resumes++;
            counters.Replayed += missed.Count;
        }

        foreach (var (sequence, eventName, eventData) in missed)
        {
            await connection.TrySendAsync(Dispatch(eventName, sequence, eventData.DeepClone()), cancellationToken);
        }

        var resumed = ++session.Sequence;
        await connection.TrySendAsync(Dispatch("RESUMED", resumed, new JsonObject { ["_trace"] = new JsonArray("fake-gateway") }), cancellationToken);
        session.Connection = connection;
    }

    private async Task DetachAsync(FakeGatewayConnection connection)
    {
        if (connection.Session is not { } session)
        {
            return;
        }

        await session.Lock.WaitAsync();
        try
        {
            if (session.Connection == connection)
            {
                session.Connection = null;
            }

            // Closing with 1000 or 1001 ends the session on Discord's side; any other way keeps it resumable.
            if (connection.ClientCloseCode is 1000 or 1001)
            {
                session.Invalidated = true;
            }
        }
        finally
        {
            session.Lock.Release();
        }
    }

    private void Invalidate(FakeGatewaySession? session)
    {
        if (session is null)
        {
            return;
        }

        lock (_lock)
        {
            session.Invalidated = true;
        }
    }

    private FakeGatewayConnection LiveConnection(int shardId)
    {
        lock (_lock)
        {
            return _connections.LastOrDefault(c => c.Open && c.ShardId == shardId && c.Authenticated)
                ?? throw new InvalidOperationException($"Shard {shardId} has no open, identified connection to the fake gateway.");
        }
    }

    private FakeShardCounters Counters(int shardId)
    {
        if (!_counters.TryGetValue(shardId, out var counters))
        {
            counters = new FakeShardCounters();
            _counters[shardId] = counters;
        }

        return counters;
    }

    private void Pulse()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private JsonObject Ready(FakeGatewaySession session, bool sharded, List<FakeGuild> guilds)
    {
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject
            {
                ["id"] = Snowflake(_options.ApplicationId),
                ["username"] = _options.BotUsername,
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
                ["bot"] = true,
            },
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = Snowflake(g.Id), ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["session_type"] = "normal",
            ["application"] = new JsonObject { ["id"] = Snowflake(_options.ApplicationId), ["flags"] = 0 },
        };
        if (ResumeGatewayUrl is { } resumeUrl)
        {
            ready["resume_gateway_url"] = resumeUrl;
        }

        if (sharded)
        {
            ready["shard"] = new JsonArray(session.ShardId, session.ShardCount);
        }

        return ready;
    }

    private static JsonObject GuildCreate(FakeGuild guild) => new()
    {
        ["id"] = Snowflake(guild.Id),
        ["name"] = guild.Name,
        ["unavailable"] = false,
        ["member_count"] = guild.MemberCount,
        ["channels"] = new JsonArray(),
        ["roles"] = new JsonArray(),
    };

    private static JsonObject Payload(int op, JsonNode? data) => new() { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null };

    // In the order Discord writes them: the event name and sequence come before the (possibly large) data.
    private static JsonObject Dispatch(string eventName, int sequence, JsonNode data) =>
        new() { ["t"] = eventName, ["s"] = sequence, ["op"] = 0, ["d"] = data };

    private static string Snowflake(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shard an Identify names, whether or not the rest of it is valid; 0 when it names none.</summary>
    private static int ShardIdOf(JsonNode? identify) =>
        identify is JsonObject payload && payload["shard"] is JsonArray { Count: 2 } pair && TryGetInt(pair[0], out var shardId) ? shardId : 0;

    private static bool TryGetInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value);
    }

    private static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        return node is JsonValue json && json.TryGetValue(out value!);
    }
}
