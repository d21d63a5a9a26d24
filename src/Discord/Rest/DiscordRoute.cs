using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// One REST call: its concrete path, the route template used for logs and metrics (tokens never appear there),
/// and the rate-limit identity (template + major parameter).
/// </summary>
internal sealed class DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter, RouteKind kind)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
        Kind = kind;
    }

    public HttpMethod Method { get; }

    /// <summary>E.g. <c>/channels/{channel_id}/messages</c>; safe to log.</summary>
    public string Template { get; }

    /// <summary>The concrete path, possibly holding an interaction token: never log it.</summary>
    public string Path { get; }

    /// <summary>The top-level resource that splits a bucket (channel, guild, webhook + token hash).</summary>
    public string MajorParameter { get; }

    public RouteKind Kind { get; }

    /// <summary>Interaction callbacks are not bound to the global limit.</summary>
    public bool ExemptFromGlobalLimit => Kind == RouteKind.InteractionCallback;

    /// <summary>Routes authenticated by an interaction token rather than the bot token.</summary>
    public bool UsesInteractionToken => Kind is RouteKind.InteractionCallback or RouteKind.InteractionWebhook;

    /// <summary>What Discord's bucket header is learned for: method and template.</summary>
    public string BucketRouteKey => $"{Method.Method} {Template}";

    public override string ToString() => $"{Method.Method} {Template}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "", RouteKind.Bot);

    public static DiscordRoute CurrentApplication() =>
        new(HttpMethod.Get, "/applications/@me", "/applications/@me", "", RouteKind.Bot);

    public static DiscordRoute GlobalCommands(HttpMethod method, ulong applicationId) => new(
        method,
        "/applications/{application_id}/commands",
        $"/applications/{Id(applicationId)}/commands",
        Id(applicationId),
        RouteKind.Bot);

    public static DiscordRoute GuildCommands(HttpMethod method, ulong applicationId, ulong guildId) => new(
        method,
        "/applications/{application_id}/guilds/{guild_id}/commands",
        $"/applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands",
        Id(guildId),
        RouteKind.Bot);

    /// <summary>One page of the bot's servers, ascending by id, after <paramref name="after"/> (0 for the first).</summary>
    public static DiscordRoute CurrentUserGuilds(ulong after, int limit) => new(
        HttpMethod.Get,
        "/users/@me/guilds",
        string.Create(CultureInfo.InvariantCulture, $"/users/@me/guilds?limit={limit}&after={after}"),
        "",
        RouteKind.Bot);

    public static DiscordRoute InteractionCallback(ulong interactionId, string token) => new(
        HttpMethod.Post,
        "/interactions/{interaction_id}/{interaction_token}/callback",
        $"/interactions/{Id(interactionId)}/{Escape(token)}/callback",
        Id(interactionId),
        RouteKind.InteractionCallback);

    public static DiscordRoute OriginalResponse(HttpMethod method, ulong applicationId, string token) => new(
        method,
        "/webhooks/{application_id}/{interaction_token}/messages/@original",
        $"/webhooks/{Id(applicationId)}/{Escape(token)}/messages/@original",
        WebhookMajor(applicationId, token),
        RouteKind.InteractionWebhook);

    public static DiscordRoute Followups(ulong applicationId, string token) => new(
        HttpMethod.Post,
        "/webhooks/{application_id}/{interaction_token}",
        $"/webhooks/{Id(applicationId)}/{Escape(token)}",
        WebhookMajor(applicationId, token),
        RouteKind.InteractionWebhook);

    public static DiscordRoute Followup(HttpMethod method, ulong applicationId, string token, ulong messageId) => new(
        method,
        "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
        $"/webhooks/{Id(applicationId)}/{Escape(token)}/messages/{Id(messageId)}",
        WebhookMajor(applicationId, token),
        RouteKind.InteractionWebhook);

    public static DiscordRoute ChannelMessages(ulong channelId) => new(
        HttpMethod.Post,
        "/channels/{channel_id}/messages",
        $"/channels/{Id(channelId)}/messages",
        Id(channelId),
        RouteKind.Bot);

    /// <summary><c>GET /channels/{id}/messages?after=…&amp;limit=…</c>: up to <paramref name="limit"/> messages after one.</summary>
    public static DiscordRoute ChannelMessagesAfter(ulong channelId, ulong after, int limit) => new(
        HttpMethod.Get,
        "/channels/{channel_id}/messages",
        $"/channels/{Id(channelId)}/messages?after={Id(after)}&limit={limit.ToString(CultureInfo.InvariantCulture)}",
        Id(channelId),
        RouteKind.Bot);

    public static DiscordRoute ChannelMessage(HttpMethod method, ulong channelId, ulong messageId) => new(
        method,
        "/channels/{channel_id}/messages/{message_id}",
        $"/channels/{Id(channelId)}/messages/{Id(messageId)}",
        Id(channelId),
        RouteKind.Bot);

    public static DiscordRoute Guild(ulong guildId, bool withCounts) => new(
        HttpMethod.Get,
        "/guilds/{guild_id}",
        $"/guilds/{Id(guildId)}" + (withCounts ? "?with_counts=true" : ""),
        Id(guildId),
        RouteKind.Bot);

    public static DiscordRoute GuildMember(ulong guildId, ulong userId) => new(
        HttpMethod.Get,
        "/guilds/{guild_id}/members/{user_id}",
        $"/guilds/{Id(guildId)}/members/{Id(userId)}",
        Id(guildId),
        RouteKind.Bot);

    // /users/@me/… are not split by a major parameter: the guild id here is not a top-level resource.
    public static DiscordRoute LeaveGuild(ulong guildId) => new(
        HttpMethod.Delete,
        "/users/@me/guilds/{guild_id}",
        $"/users/@me/guilds/{Id(guildId)}",
        "",
        RouteKind.Bot);

    public static DiscordRoute DirectMessageChannels() =>
        new(HttpMethod.Post, "/users/@me/channels", "/users/@me/channels", "", RouteKind.Bot);

    public static DiscordRoute RefreshAttachmentUrls() =>
        new(HttpMethod.Post, "/attachments/refresh-urls", "/attachments/refresh-urls", "", RouteKind.Bot);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Uri.EscapeDataString(token);
    }

    // Buckets of interaction webhooks are per token; a hash keeps the token itself out of every key.
    private static string WebhookMajor(ulong applicationId, string token) =>
        $"{Id(applicationId)}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 8)}";
}
