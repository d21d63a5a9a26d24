namespace SeedreamBot.Discord.Gateway;

/// <summary>How one connection ended, which decides the next one.</summary>
internal enum ConnectionEnd
{
    /// <summary>Reconnect, resuming if there is a session (drops, op 7, resumable close codes, failed attempts).</summary>
    Resume,

    /// <summary>Reconnect with a fresh Identify right away (4007, 4009).</summary>
    NewSession,

    /// <summary>Op 9 with <c>d: false</c>: identify afresh after Discord's 1–5 s wait.</summary>
    InvalidSession,

    /// <summary>A fatal close code: never reconnect.</summary>
    Fatal,

    /// <summary>We are shutting down.</summary>
    Stopped,
}
