namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// What the receive loop, the heartbeat loop and a shutdown request share about one connection. The first loop to
/// decide how the connection ends (zombie, shutdown…) wins.
/// </summary>
internal sealed class GatewayConnectionAttempt : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _ended = new();
    private ConnectionOutcome? _outcome;

    public ConnectionOutcome? Outcome
    {
        get
        {
            lock (_lock)
            {
                return _outcome;
            }
        }
    }

    /// <summary>Cancelled when the receive loop has finished with the connection.</summary>
    public CancellationToken Ended => _ended.Token;

    public volatile bool HelloReceived;
    public volatile bool Connected;
    public volatile bool Acknowledged;

    public bool Resuming { get; set; }

    /// <summary>Consecutive failed attempts before this one.</summary>
    public int PreviousFailures { get; set; }

    public int Replayed { get; set; }

    public GatewayPresence? IdentifyPresence { get; set; }

    /// <summary>The identify bucket this attempt holds until Discord answers its Identify; null when resuming.</summary>
    public IdentifyPermit? IdentifyPermit { get; set; }

    public Task? Shutdown { get; set; }

    /// <summary>
    /// Whether the connection proved itself (events flowed and a heartbeat came back), so the next reconnect starts
    /// without backoff; a connection that dies before that counts as a failed attempt.
    /// </summary>
    public bool ProvedHealthy => Connected && Acknowledged;

    public void TrySetOutcome(ConnectionOutcome outcome)
    {
        lock (_lock)
        {
            _outcome ??= outcome;
        }
    }

    public void End() => _ended.Cancel();

    public void Dispose() => _ended.Dispose();
}
