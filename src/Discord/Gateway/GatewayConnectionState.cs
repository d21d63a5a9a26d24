namespace SeedreamBot.Discord.Gateway;

/// <summary>Where a shard is in its connection life cycle.</summary>
public enum GatewayConnectionState
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>Opening the socket, or waiting for Hello.</summary>
    Connecting,

    /// <summary>Waiting for an identify slot (Discord allows <c>max_concurrency</c> identifies per 5 s), or for READY.</summary>
    Identifying,

    /// <summary>Sent Resume, waiting for the replay and RESUMED.</summary>
    Resuming,

    /// <summary>READY or RESUMED received: events flow.</summary>
    Connected,

    /// <summary>Between connections: waiting out a backoff or the invalid-session delay.</summary>
    Reconnecting,

    /// <summary>Discord's daily identify budget (<c>session_start_limit.remaining</c>) is used up; waiting for its reset.</summary>
    WaitingForIdentifyBudget,

    /// <summary>Discord refused the connection for good (e.g. a bad token); no further attempts.</summary>
    Faulted,

    /// <summary>Stopped on purpose.</summary>
    Stopped,
}
