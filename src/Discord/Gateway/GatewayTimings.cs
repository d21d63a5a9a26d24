namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Discord's protocol timings. They are rules, not preferences, so they are not bound from configuration; tests
/// register a faster instance to run reconnect scenarios in milliseconds.
/// </summary>
public sealed class GatewayTimings
{
    /// <summary>The timings Discord documents.</summary>
    public static GatewayTimings Discord { get; } = new();

    /// <summary>
    /// Identifies per rate-limit bucket are spaced at least this far apart (Discord: 5 s), counted from Discord's
    /// answer to the previous one: Discord counts an Identify when it arrives, which only its answer proves.
    /// </summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an Identify without an answer (READY, op 9 or a close) keeps its bucket; after that the interval
    /// counts from then, so one stuck connection cannot hold back the other shards of its bucket for good.
    /// </summary>
    public TimeSpan IdentifyAnswerTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>After op 9 with <c>d: false</c>, wait a random time in this range before identifying (Discord: 1–5 s).</summary>
    public TimeSpan InvalidSessionMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc cref="InvalidSessionMinDelay"/>
    public TimeSpan InvalidSessionMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many payloads a connection may send per <see cref="SendWindow"/> (Discord: 120 per 60 s).</summary>
    public int SendLimit { get; init; } = 120;

    /// <inheritdoc cref="SendLimit"/>
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sends kept free for heartbeats, identify and resume, so optional payloads can never starve them.</summary>
    public int ReservedEssentialSends { get; init; } = 10;

    /// <summary>How long opening the socket and waiting for Hello may take before the attempt counts as failed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for our close frame to go out before abandoning the socket.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After this age, <c>GET /gateway/bot</c> is fetched again before a fresh identify.</summary>
    public TimeSpan GatewayInfoMaxAge { get; init; } = TimeSpan.FromMinutes(1);
}
