namespace SeedreamBot.Fakes.Discord;

/// <summary>How the fake Discord behaves. Defaults follow Discord; tests shorten the windows to run in milliseconds.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>A token shaped like Discord's (three dot-separated parts); the fake only compares it.</summary>
    public const string DefaultToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.fake-bot-token-for-tests_0123456789";

    public string Token { get; set; } = DefaultToken;

    public ulong ApplicationId { get; set; } = 1100000000000000001;

    /// <summary>The bot user's id (Discord uses the application id).</summary>
    public ulong BotUserId { get; set; } = 1100000000000000001;

    public string BotUsername { get; set; } = "SeedreamBot";

    /// <summary>How long after the dispatch the initial response is accepted (Discord: 3 s).</summary>
    public TimeSpan InitialResponseWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for edits and follow-ups (Discord: 15 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a signed CDN URL works (Discord: about a day). Measured on <see cref="TimeProvider"/>: after it the CDN
    /// answers 404 "This content is no longer available." until the URL is refreshed.
    /// </summary>
    public TimeSpan CdnUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Per-file upload limit when the interaction sets none (Discord's default: 10 MiB).</summary>
    public long MaxFileSize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// A per-file limit enforced whatever the interaction announced: Discord has advertised <c>attachment_size_limit</c>
    /// values above what its API then accepted (discord-api-docs #7603, #8572). Null: the announced limit is enforced.
    /// </summary>
    public long? EnforcedMaxFileSize { get; set; }

    /// <summary>The largest request body (Discord: 25 MiB).</summary>
    public long MaxRequestSize { get; set; } = 25 * 1024 * 1024;

    /// <summary>Requests per bucket window for routes without a configured bucket.</summary>
    public int DefaultBucketLimit { get; set; } = 50;

    public TimeSpan DefaultBucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Global requests per second; interaction callbacks are exempt (as on Discord).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>How long an enforced nonce de-duplicates channel posts.</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The gateway's recommended shard count in <c>GET /gateway/bot</c> is the gateway's; this is the app's name.</summary>
    public string ApplicationName { get; set; } = "SeedreamBot";

    /// <summary>The user who owns the application (when no team owns it): <c>owner</c> in <c>GET /applications/@me</c>.</summary>
    public ulong OwnerId { get; set; } = FakeDiscordServer.DefaultUserId;

    /// <summary>
    /// When not empty, a team owns the application: these users are its accepted members (the first one owns the
    /// team), and <c>owner</c> becomes the team's placeholder user, as Discord answers.
    /// </summary>
    public IList<ulong> TeamMemberIds { get; } = [];

    /// <summary>Users invited to the team who have not accepted yet (membership_state 1): not part of it.</summary>
    public IList<ulong> InvitedTeamMemberIds { get; } = [];

    /// <summary>The "Public Bot" switch of the developer portal (<c>bot_public</c>).</summary>
    public bool BotPublic { get; set; } = true;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The servers the bot is in at start (<c>GET /users/@me/guilds</c>); guild commands anywhere else get 403/50001
    /// Missing Access, as on Discord. The gateway's READY list is <c>FakeGatewayOptions.Guilds</c>.
    /// </summary>
    public IList<Gateway.FakeGuild> Guilds { get; } = [new(FakeDiscordServer.DefaultGuildId, "Test server")];

    /// <summary>
    /// Check every request body against Discord's OpenAPI document (when ../shared is present) and its documented
    /// limits, and fail at dispose on a violation. Only benchmarks turn it off, to measure the bot and not the check.
    /// </summary>
    public bool CheckContract { get; set; } = true;
}
