namespace SeedreamBot.Discord.Gateway;

/// <summary>What a shard does after its connection ended with a given close code.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect and resume the session (if there is one).</summary>
    Resume,

    /// <summary>Reconnect with a fresh Identify: the session is gone.</summary>
    NewSession,

    /// <summary>Never reconnect: reconnecting cannot succeed until an operator fixes the configuration.</summary>
    Fatal,
}
