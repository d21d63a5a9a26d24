using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// One gateway shard: connects, identifies or resumes, heartbeats, hands dispatches to the hub, and reconnects by
/// Discord's rules until it is stopped or Discord refuses it for good.
/// </summary>
internal sealed partial class GatewayShard
{
    /// <summary>Failed attempts on <c>resume_gateway_url</c> before resuming through the main gateway URL instead.</summary>
    private const int ResumeUrlAttempts = 3;

    private readonly GatewayShardSettings _settings;
    private readonly GatewayIdentifyLimiter _identifyLimiter;
    private readonly GatewayDispatchHub _hub;
    private readonly GatewayMetrics _metrics;
    private readonly Func<GatewayPresence?> _currentPresence;
    private readonly Action<GatewayShard> _onReady;
    private readonly Action<GatewayShard, int> _onFatal;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();

    private GatewayConnectionState _state = GatewayConnectionState.NotStarted;
    private GatewayConnection? _connection;
    private string? _sessionId;
    private string? _resumeUrl;
    private int? _sequence;
    private GatewayPresence? _sessionPresence;
    private TimeSpan? _latency;
    private DateTimeOffset? _lastAckAt;
    private long _reconnects;
    private long _resumes;
    private long _identifies;
    private GatewayFatalError? _fatal;

    public GatewayShard(
        int shardId,
        GatewayShardSettings settings,
        GatewayIdentifyLimiter identifyLimiter,
        GatewayDispatchHub hub,
        GatewayMetrics metrics,
        Func<GatewayPresence?> currentPresence,
        Action<GatewayShard> onReady,
        Action<GatewayShard, int> onFatal,
        ILogger logger)
    {
        ShardId = shardId;
        _settings = settings;
        _identifyLimiter = identifyLimiter;
        _hub = hub;
        _metrics = metrics;
        _currentPresence = currentPresence;
        _onReady = onReady;
        _onFatal = onFatal;
        _logger = logger;
    }

    public int ShardId { get; }

    public int ShardCount => _settings.ShardCount;

    private TimeProvider Time => _settings.Time;

    public GatewayStatus GetStatus()
    {
        lock (_lock)
        {
            return new GatewayStatus(
                ShardId,
                ShardCount,
                _state,
                _latency,
                _lastAckAt is { } ackAt ? Time.GetUtcNow() - ackAt : null,
                _sessionId,
                _sequence,
                _reconnects,
                _resumes,
                _identifies,
                _fatal);
        }
    }

    /// <summary>Runs connections until <paramref name="stopping"/> is cancelled or a fatal close code arrives.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new ReconnectBackoff(_settings.ReconnectDelay, _settings.MaxReconnectDelay, _settings.NextRandom);
        var first = true;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                bool resuming;
                lock (_lock)
                {
                    resuming = _sessionId is not null;
                    if (!first)
                    {
                        _reconnects++;
                    }
                }

                if (!first)
                {
                    _metrics.Reconnected(ShardId, resuming);
                }

                first = false;
                using var attempt = new GatewayConnectionAttempt { Resuming = resuming, PreviousFailures = backoff.ConsecutiveFailures };
                ConnectionOutcome outcome;
                try
                {
                    outcome = await ConnectAndRunAsync(attempt, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (Rest.DiscordHttpException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                {
                    // GET /gateway/bot refused the token: Discord would close an Identify with 4004 just the same.
                    outcome = new ConnectionOutcome(ConnectionEnd.Fatal, GatewayCloseCodes.AuthenticationFailed);
                }
                catch (Exception ex)
                {
                    // Anything unexpected (the REST call for /gateway/bot failing, a bug) must not end the shard.
                    LogAttemptFailed(ex, ShardId, ex.Message);
                    outcome = ConnectionOutcome.Resume;
                }

                switch (outcome.End)
                {
                    case ConnectionEnd.Stopped:
                        return;
                    case ConnectionEnd.Fatal:
                        _onFatal(this, outcome.CloseCode ?? 0);
                        return;
                    case ConnectionEnd.InvalidSession or ConnectionEnd.NewSession:
                        ClearSession();
                        break;
                }

                if (attempt.ProvedHealthy)
                {
                    backoff.Reset();
                }

                var delay = outcome.End == ConnectionEnd.InvalidSession
                    ? InvalidSessionDelay()
                    : attempt.ProvedHealthy ? TimeSpan.Zero : backoff.NextDelay();
                if (delay > TimeSpan.Zero)
                {
                    SetState(GatewayConnectionState.Reconnecting);
                    LogReconnectDelay(ShardId, delay, backoff.ConsecutiveFailures);
                    await Task.Delay(delay, Time, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting.
        }
        finally
        {
            lock (_lock)
            {
                if (_state != GatewayConnectionState.Faulted)
                {
                    _state = GatewayConnectionState.Stopped;
                }
            }
        }
    }

    /// <summary>Marks the shard as stopped for good; called by the gateway, which words the operator message.</summary>
    public void Fault(GatewayFatalError error)
    {
        lock (_lock)
        {
            _fatal = error;
            _state = GatewayConnectionState.Faulted;
        }
    }

    /// <summary>Sends a presence update if the shard is connected; otherwise it goes out after the next READY or RESUMED.</summary>
    public async Task SendPresenceAsync(GatewayPresence presence, byte[] payload, CancellationToken cancellationToken)
    {
        GatewayConnection? connection;
        lock (_lock)
        {
            connection = _state == GatewayConnectionState.Connected ? _connection : null;
        }

        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.SendAsync(GatewayOpCode.PresenceUpdate, payload, essential: false, cancellationToken);
            lock (_lock)
            {
                _sessionPresence = presence;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException && ex is not GatewayPayloadTooLargeException)
        {
            // The connection went away meanwhile; the presence is sent again once the session is back.
            LogPresenceDeferred(ShardId, ex.Message);
        }
    }

    private async Task<ConnectionOutcome> ConnectAndRunAsync(GatewayConnectionAttempt attempt, CancellationToken stopping)
    {
        IdentifyPermit? permit = null;
        try
        {
            string url;
            if (attempt.Resuming)
            {
                SetState(GatewayConnectionState.Connecting);
                // If the resume host keeps failing, resume through the main gateway instead: the session is worth more.
                var resumeUrl = attempt.PreviousFailures < ResumeUrlAttempts ? ResumeUrl() : null;
                url = resumeUrl ?? _identifyLimiter.GatewayUrl ?? (await _identifyLimiter.GetInfoAsync(false, stopping)).Url;
            }
            else
            {
                SetState(GatewayConnectionState.Identifying);
                permit = await _identifyLimiter.AcquireAsync(
                    ShardId, () => SetState(GatewayConnectionState.WaitingForIdentifyBudget), stopping);
                attempt.IdentifyPermit = permit;
                SetState(GatewayConnectionState.Connecting);
                url = _identifyLimiter.GatewayUrl ?? (await _identifyLimiter.GetInfoAsync(false, stopping)).Url;
            }

            var uri = GatewayUri.Build(url);
            GatewayConnection connection;
            try
            {
                connection = await GatewayConnection.ConnectAsync(uri, _settings.Timings, Time, stopping, _settings.MaxMessageBytes);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogConnectFailed(ShardId, uri.Authority, ex.Message);
                return ConnectionOutcome.Resume;
            }

            await using (connection)
            {
                return await RunConnectionAsync(connection, attempt, stopping);
            }
        }
        finally
        {
            // Unanswered (a close or a drop ended the connection first): the interval counts from now.
            permit?.Dispose();
        }
    }

    private async Task<ConnectionOutcome> RunConnectionAsync(
        GatewayConnection connection, GatewayConnectionAttempt attempt, CancellationToken stopping)
    {
        using var connectionCts = new CancellationTokenSource();
        using var heartbeatCts = CancellationTokenSource.CreateLinkedTokenSource(connectionCts.Token);
        using var helloTimeout = new CancellationTokenSource(_settings.Timings.ConnectTimeout, Time);
        GatewayHeartbeat? heartbeat = null;
        Task? heartbeatTask = null;
        var helloRegistration = helloTimeout.Token.Register(() =>
        {
            if (!attempt.HelloReceived)
            {
                LogNoHello(ShardId, _settings.Timings.ConnectTimeout);
                attempt.TrySetOutcome(ConnectionOutcome.Resume);
                connectionCts.Cancel();
            }
        });
        var stopRegistration = stopping.Register(() => attempt.Shutdown = CloseForShutdownAsync(connection, attempt, connectionCts));
        lock (_lock)
        {
            _connection = connection;
        }

        try
        {
            while (true)
            {
                var message = await connection.ReceiveAsync(connectionCts.Token);
                if (message is null)
                {
                    return attempt.Outcome ?? await OnServerClosedAsync(connection);
                }

                GatewayPayload payload;
                try
                {
                    payload = GatewayPayload.Parse(message.Value);
                }
                catch (JsonException ex)
                {
                    LogUnreadablePayload(ShardId, ex.Message);
                    await connection.CloseAsync(GatewayCloseCodes.ReconnectClosure, "unreadable payload");
                    return ConnectionOutcome.Resume;
                }

                switch (payload.Op)
                {
                    case GatewayOpCode.Dispatch:
                        HandleDispatch(payload, connection, attempt, stopping);
                        break;

                    case GatewayOpCode.Hello when heartbeat is null:
                        var hello = payload.Data.Deserialize(GatewayJsonContext.Default.HelloData)
                            ?? throw new JsonException("Hello carried no data.");
                        attempt.HelloReceived = true;
                        heartbeat = new GatewayHeartbeat(
                            TimeSpan.FromMilliseconds(hello.HeartbeatInterval), _settings.NextRandom, Time,
                            ct => SendHeartbeatAsync(connection, ct));
                        var beating = heartbeat;
                        heartbeatTask = Task.Run(() => RunHeartbeatAsync(beating, connection, attempt, connectionCts, heartbeatCts.Token), CancellationToken.None);
                        if (attempt.Resuming)
                        {
                            await SendResumeAsync(connection, connectionCts.Token);
                        }
                        else
                        {
                            await SendIdentifyAsync(connection, attempt, attempt.IdentifyPermit!, connectionCts.Token);
                        }

                        break;

                    case GatewayOpCode.Heartbeat:
                        // Discord asks for a beat now; before Hello there is no schedule yet, so just send one.
                        await (heartbeat?.BeatNowAsync(connectionCts.Token) ?? SendHeartbeatAsync(connection, connectionCts.Token));
                        break;

                    case GatewayOpCode.HeartbeatAck when heartbeat is not null:
                        var latency = heartbeat.Acknowledge();
                        attempt.Acknowledged = true;
                        lock (_lock)
                        {
                            _latency = latency;
                            _lastAckAt = heartbeat.LastAckAt;
                        }

                        _metrics.HeartbeatAcknowledged(ShardId, latency);
                        break;

                    case GatewayOpCode.Reconnect:
                        LogReconnectRequested(ShardId);
                        await connection.CloseAsync(GatewayCloseCodes.ReconnectClosure, "reconnect requested");
                        return ConnectionOutcome.Resume;

                    case GatewayOpCode.InvalidSession:
                        // Discord's answer to an Identify it refused (e.g. too soon in its bucket).
                        attempt.IdentifyPermit?.Dispose();
                        var resumable = payload.Data.ValueKind == JsonValueKind.True && SessionId() is not null;
                        await connection.CloseAsync(GatewayCloseCodes.ReconnectClosure, "invalid session");
                        if (resumable)
                        {
                            LogInvalidSessionResumable(ShardId);
                            return ConnectionOutcome.Resume;
                        }

                        LogInvalidSession(ShardId);
                        return new ConnectionOutcome(ConnectionEnd.InvalidSession);

                    default:
                        LogUnhandledOpcode(ShardId, (int)payload.Op);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (connectionCts.IsCancellationRequested)
        {
            return attempt.Outcome ?? ConnectionOutcome.Resume;
        }
        catch (GatewayMessageTooLargeException ex)
        {
            return await SkipOversizedMessageAsync(connection, ex);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException && ex is not GatewayPayloadTooLargeException)
        {
            if (attempt.Outcome is { } decided)
            {
                return decided;
            }

            LogConnectionDropped(ShardId, ex.Message);
            return ConnectionOutcome.Resume;
        }
        finally
        {
            await helloRegistration.DisposeAsync();
            await stopRegistration.DisposeAsync();
            attempt.End();
            if (attempt.Shutdown is { } shutdown)
            {
                await shutdown;
            }

            await heartbeatCts.CancelAsync();
            if (heartbeatTask is not null)
            {
                await heartbeatTask;
            }

            lock (_lock)
            {
                _connection = null;
            }
        }
    }

    /// <summary>
    /// Drops a message over the cap: resumes past it when its sequence number is known (Discord replays only what
    /// came after), otherwise starts a new session, which Discord does not replay anything into.
    /// </summary>
    private async Task<ConnectionOutcome> SkipOversizedMessageAsync(GatewayConnection connection, GatewayMessageTooLargeException tooLarge)
    {
        await connection.CloseAsync(GatewayCloseCodes.ReconnectClosure, "message too large");
        if (tooLarge.Sequence is { } skipped && SessionId() is not null)
        {
            lock (_lock)
            {
                _sequence = Math.Max(_sequence ?? 0, skipped);
            }

            LogOversizedSkipped(ShardId, tooLarge.EventName ?? "(unknown)", skipped, tooLarge.Limit);
            return ConnectionOutcome.Resume;
        }

        LogOversizedNewSession(ShardId, tooLarge.EventName ?? "(unknown)", tooLarge.Limit);
        return new ConnectionOutcome(ConnectionEnd.NewSession);
    }

    private async Task<ConnectionOutcome> OnServerClosedAsync(GatewayConnection connection)
    {
        var code = connection.CloseStatus;
        var reason = connection.CloseDescription;
        var action = GatewayCloseCodes.Classify(code);
        // Answer the close handshake without 1000, which would invalidate a session we may still resume.
        await connection.CloseAsync(action == GatewayCloseAction.Fatal ? code!.Value : GatewayCloseCodes.ReconnectClosure, "closing");
        switch (action)
        {
            case GatewayCloseAction.Fatal:
                return new ConnectionOutcome(ConnectionEnd.Fatal, code);
            case GatewayCloseAction.NewSession:
                LogClosedNewSession(ShardId, code, reason);
                return new ConnectionOutcome(ConnectionEnd.NewSession, code);
            default:
                if (code is null or GatewayCloseCodes.NormalClosure or GatewayCloseCodes.GoingAway
                    or GatewayCloseCodes.UnknownError or GatewayCloseCodes.SessionTimedOut)
                {
                    LogClosedResume(ShardId, code, reason);
                }
                else
                {
                    // 4001–4005 and 4008 mean we sent something Discord did not accept: worth a look.
                    LogClosedUnexpectedly(ShardId, code, reason);
                }

                return new ConnectionOutcome(ConnectionEnd.Resume, code);
        }
    }

    private void HandleDispatch(GatewayPayload payload, GatewayConnection connection, GatewayConnectionAttempt attempt, CancellationToken stopping)
    {
        var eventName = payload.EventName ?? "";
        int sequence;
        lock (_lock)
        {
            _sequence = payload.Sequence ?? _sequence;
            sequence = _sequence ?? 0;
        }

        var dispatch = new GatewayDispatch(ShardId, eventName, sequence, payload.Data, Time.GetUtcNow());
        switch (eventName)
        {
            case GatewayEventNames.Ready:
                OnReady(dispatch, connection, attempt, stopping);
                break;
            case GatewayEventNames.Resumed:
                OnResumed(connection, attempt, stopping);
                break;
            default:
                if (attempt.Resuming && !attempt.Connected)
                {
                    attempt.Replayed++;
                }

                break;
        }

        _metrics.EventReceived(ShardId, eventName);
        _hub.Publish(dispatch);
    }

    private void OnReady(GatewayDispatch dispatch, GatewayConnection connection, GatewayConnectionAttempt attempt, CancellationToken stopping)
    {
        ReadyEvent? ready = null;
        try
        {
            dispatch.TryReadReady(out ready);
        }
        catch (JsonException ex)
        {
            // Without a session id this session cannot be resumed later; the next drop identifies afresh.
            LogMalformedReady(ShardId, ex.Message);
        }

        // Discord has counted our Identify: the next shard of the bucket may go one interval from now.
        attempt.IdentifyPermit?.Dispose();
        lock (_lock)
        {
            _sessionId = ready?.SessionId;
            _resumeUrl = ready?.ResumeGatewayUrl;
            _sessionPresence = attempt.IdentifyPresence;
            _state = GatewayConnectionState.Connected;
        }

        attempt.Connected = true;
        if (ready is not null)
        {
            LogReady(ShardId, ShardCount, ready.User.Username, ready.Application.Id, ready.SessionId, ready.Guilds.Count);
        }

        _onReady(this);
        SendPresenceIfChanged(connection, stopping);
    }

    private void OnResumed(GatewayConnection connection, GatewayConnectionAttempt attempt, CancellationToken stopping)
    {
        string? sessionId;
        lock (_lock)
        {
            _resumes++;
            _state = GatewayConnectionState.Connected;
            sessionId = _sessionId;
        }

        attempt.Connected = true;
        _metrics.Resumed(ShardId);
        LogResumed(ShardId, sessionId, attempt.Replayed);
        SendPresenceIfChanged(connection, stopping);
    }

    private void SendPresenceIfChanged(GatewayConnection connection, CancellationToken stopping)
    {
        var wanted = _currentPresence();
        GatewayPresence? current;
        lock (_lock)
        {
            current = _sessionPresence;
        }

        if (wanted is null || ReferenceEquals(wanted, current))
        {
            return;
        }

        // Not awaited: the receive loop must not wait for the send limiter.
        _ = Task.Run(async () =>
        {
            try
            {
                var payload = GatewayConnection.Encode(GatewayOpCode.PresenceUpdate, wanted, GatewayJsonContext.Default.GatewayCommandGatewayPresence);
                await connection.SendAsync(GatewayOpCode.PresenceUpdate, payload, essential: false, stopping);
                lock (_lock)
                {
                    _sessionPresence = wanted;
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                LogPresenceDeferred(ShardId, ex.Message);
            }
        }, CancellationToken.None);
    }

    private async Task RunHeartbeatAsync(
        GatewayHeartbeat heartbeat, GatewayConnection connection, GatewayConnectionAttempt attempt,
        CancellationTokenSource connectionCts, CancellationToken cancellationToken)
    {
        try
        {
            await heartbeat.RunAsync(cancellationToken);
            LogZombie(ShardId, heartbeat.Interval);
            attempt.TrySetOutcome(ConnectionOutcome.Resume);
            await connection.CloseAsync(GatewayCloseCodes.ReconnectClosure, "no heartbeat ack");
            await connectionCts.CancelAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The socket broke under the heartbeat; make sure the receive loop notices too.
            LogHeartbeatFailed(ShardId, ex.Message);
            await connectionCts.CancelAsync();
        }
    }

    private async Task CloseForShutdownAsync(GatewayConnection connection, GatewayConnectionAttempt attempt, CancellationTokenSource connectionCts)
    {
        attempt.TrySetOutcome(ConnectionOutcome.Stopped);
        // 1000 on purpose: the bot is going away, so Discord may show it offline at once.
        await connection.CloseAsync(GatewayCloseCodes.NormalClosure, "shutting down");
        try
        {
            await Task.Delay(_settings.Timings.CloseTimeout, Time, attempt.Ended);
            await connectionCts.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // Discord answered the close in time.
        }
    }

    private Task SendHeartbeatAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        int? sequence;
        lock (_lock)
        {
            sequence = _sequence;
        }

        var payload = GatewayConnection.Encode(GatewayOpCode.Heartbeat, sequence, GatewayJsonContext.Default.GatewayCommandNullableInt32);
        return connection.SendAsync(GatewayOpCode.Heartbeat, payload, essential: true, cancellationToken);
    }

    private async Task SendIdentifyAsync(
        GatewayConnection connection, GatewayConnectionAttempt attempt, IdentifyPermit permit, CancellationToken cancellationToken)
    {
        var presence = _currentPresence();
        var identify = new IdentifyData
        {
            Token = _settings.Token,
            Properties = IdentifyConnectionProperties.Current,
            Intents = _settings.Intents,
            Shard = ShardCount > 1 ? [ShardId, ShardCount] : null,
            Presence = presence,
        };
        var payload = GatewayConnection.Encode(GatewayOpCode.Identify, identify, GatewayJsonContext.Default.GatewayCommandIdentifyData);
        // Counted before sending: if the send fails half-way Discord may still have taken it. The permit stays held
        // until Discord answers (READY, op 9, a close): only then do we know Discord has counted this Identify.
        permit.MarkSent();
        await connection.SendAsync(GatewayOpCode.Identify, payload, essential: true, cancellationToken);

        attempt.IdentifyPresence = presence;
        lock (_lock)
        {
            _identifies++;
        }

        _metrics.Identified(ShardId);
        LogIdentified(ShardId, ShardCount, _settings.Intents);
    }

    private async Task SendResumeAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        ResumeData resume;
        lock (_lock)
        {
            resume = new ResumeData { Token = _settings.Token, SessionId = _sessionId!, Seq = _sequence ?? 0 };
            _state = GatewayConnectionState.Resuming;
        }

        var payload = GatewayConnection.Encode(GatewayOpCode.Resume, resume, GatewayJsonContext.Default.GatewayCommandResumeData);
        await connection.SendAsync(GatewayOpCode.Resume, payload, essential: true, cancellationToken);
        LogResuming(ShardId, resume.SessionId, resume.Seq);
    }

    /// <summary>Discord asks for a random 1–5 s wait before identifying after op 9 false.</summary>
    private TimeSpan InvalidSessionDelay()
    {
        var timings = _settings.Timings;
        return timings.InvalidSessionMinDelay + ((timings.InvalidSessionMaxDelay - timings.InvalidSessionMinDelay) * _settings.NextRandom());
    }

    private void ClearSession()
    {
        lock (_lock)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
            _sessionPresence = null;
        }
    }

    private string? SessionId()
    {
        lock (_lock)
        {
            return _sessionId;
        }
    }

    private string? ResumeUrl()
    {
        lock (_lock)
        {
            return _resumeUrl;
        }
    }

    private void SetState(GatewayConnectionState state)
    {
        lock (_lock)
        {
            _state = state;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Shard {ShardId}/{ShardCount} is ready as {User} (application {ApplicationId}), session {SessionId}, {GuildCount} server(s).")]
    private partial void LogReady(int shardId, int shardCount, string user, ulong applicationId, string sessionId, int guildCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} resumed session {SessionId}; {Replayed} missed event(s) were replayed.")]
    private partial void LogResumed(int shardId, string? sessionId, int replayed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId}/{ShardCount} identified with intents {Intents}.")]
    private partial void LogIdentified(int shardId, int shardCount, int intents);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} is resuming session {SessionId} after sequence {Sequence}.")]
    private partial void LogResuming(int shardId, string sessionId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord asked us to reconnect (op 7); resuming.")]
    private partial void LogReconnectRequested(int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord invalidated the session (op 9) but it may be resumed; resuming.")]
    private partial void LogInvalidSessionResumable(int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord invalidated the session (op 9); starting a new one after a short wait.")]
    private partial void LogInvalidSession(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: dropped a {EventName} message (sequence {Sequence}) larger than {Limit} bytes (Discord:MaxGatewayMessageBytes); resuming after it.")]
    private partial void LogOversizedSkipped(int shardId, string eventName, int sequence, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: dropped a {EventName} message larger than {Limit} bytes (Discord:MaxGatewayMessageBytes) without a sequence number; starting a new session.")]
    private partial void LogOversizedNewSession(int shardId, string eventName, long limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord closed the connection ({CloseCode} {Reason}); resuming.")]
    private partial void LogClosedResume(int shardId, int? closeCode, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: Discord closed the connection ({CloseCode} {Reason}); reconnecting to resume.")]
    private partial void LogClosedUnexpectedly(int shardId, int? closeCode, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord closed the connection ({CloseCode} {Reason}); the session is gone, identifying again.")]
    private partial void LogClosedNewSession(int shardId, int? closeCode, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: the connection dropped ({Reason}); reconnecting.")]
    private partial void LogConnectionDropped(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Shard {ShardId}: no heartbeat ACK within {Interval}, so the connection is a zombie; reconnecting to resume.")]
    private partial void LogZombie(int shardId, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: no Hello within {Timeout} of connecting; reconnecting.")]
    private partial void LogNoHello(int shardId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId}: a heartbeat could not be sent ({Reason}).")]
    private partial void LogHeartbeatFailed(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} could not connect to the gateway at {Host}: {Reason}")]
    private partial void LogConnectFailed(int shardId, string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: a connection attempt failed: {Reason}")]
    private partial void LogAttemptFailed(Exception exception, int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} reconnects in {Delay} (consecutive failed attempts: {Failures}).")]
    private partial void LogReconnectDelay(int shardId, TimeSpan delay, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} received a payload it cannot read ({Reason}); reconnecting.")]
    private partial void LogUnreadablePayload(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shard {ShardId} received a READY it cannot read ({Reason}); this session cannot be resumed.")]
    private partial void LogMalformedReady(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId} ignored gateway opcode {Op}.")]
    private partial void LogUnhandledOpcode(int shardId, int op);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {ShardId}: presence update deferred until the session is back ({Reason}).")]
    private partial void LogPresenceDeferred(int shardId, string reason);
}
