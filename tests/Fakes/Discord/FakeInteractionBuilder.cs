using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// Shared settings of a dispatched interaction: where (guild channel or DM), who (member with roles and
/// permissions, or a DM user), locale, the bot's permissions and the upload limit.
/// </summary>
public abstract class FakeInteractionBuilder<TSelf>
    where TSelf : FakeInteractionBuilder<TSelf>
{
    private readonly List<ulong> _roles = [];

    protected FakeInteractionBuilder(FakeDiscordServer server)
    {
        Server = server;
    }

    protected FakeDiscordServer Server { get; }

    /// <summary>The invoking member's roles.</summary>
    internal IReadOnlyList<ulong> RoleIds => _roles;

    protected ulong? GuildId { get; private set; } = FakeDiscordServer.DefaultGuildId;

    protected ulong ChannelId { get; private set; } = FakeDiscordServer.DefaultChannelId;

    protected ulong UserId { get; private set; } = FakeDiscordServer.DefaultUserId;

    private string Username { get; set; } = "member";

    private string? Nick { get; set; }

    private ulong MemberPermissions { get; set; } = FakeDiscordServer.DefaultMemberPermissions;

    private ulong AppPermissions { get; set; } = FakeDiscordServer.DefaultAppPermissions;

    private string Locale { get; set; } = "en-US";

    private long? AttachmentSizeLimit { get; set; }

    /// <summary>In a guild text channel (the default: <see cref="FakeDiscordServer.DefaultGuildId"/>).</summary>
    public TSelf InGuild(ulong guildId, ulong channelId)
    {
        GuildId = guildId;
        ChannelId = channelId;
        return (TSelf)this;
    }

    /// <summary>In the bot's DM with the user: no guild, <c>user</c> instead of <c>member</c>.</summary>
    public TSelf InDirectMessage(ulong? channelId = null)
    {
        GuildId = null;
        ChannelId = channelId ?? FakeDiscordServer.DefaultDmChannelId;
        return (TSelf)this;
    }

    public TSelf By(ulong userId, string username = "member", string? nick = null)
    {
        UserId = userId;
        Username = username;
        Nick = nick;
        return (TSelf)this;
    }

    public TSelf WithRoles(params ulong[] roleIds)
    {
        _roles.AddRange(roleIds);
        return (TSelf)this;
    }

    /// <summary>The member's channel permissions (bitfield), e.g. with ManageGuild (1 &lt;&lt; 5) for a moderator.</summary>
    public TSelf WithMemberPermissions(ulong permissions)
    {
        MemberPermissions = permissions;
        return (TSelf)this;
    }

    /// <summary>The bot's permissions in the channel (<c>app_permissions</c>).</summary>
    public TSelf WithAppPermissions(ulong permissions)
    {
        AppPermissions = permissions;
        return (TSelf)this;
    }

    public TSelf WithLocale(string locale)
    {
        Locale = locale;
        return (TSelf)this;
    }

    /// <summary>The interaction's <c>attachment_size_limit</c> (default: the fake's MaxFileSize); the fake enforces it.</summary>
    public TSelf WithAttachmentSizeLimit(long bytes)
    {
        AttachmentSizeLimit = bytes;
        return (TSelf)this;
    }

    /// <summary>
    /// Dispatches the interaction: INTERACTION_CREATE on the gateway, or a signed POST to the bot's interactions
    /// endpoint once one is set (<see cref="FakeDiscordServer.SetInteractionsEndpointAsync"/>). The 3-second window
    /// starts now.
    /// </summary>
    public Task<FakeInteraction> DispatchAsync(CancellationToken cancellationToken = default) =>
        Server.DispatchAsync(this, cancellationToken);

    /// <summary>
    /// POSTs the interaction to the bot's interactions endpoint signed as <paramref name="signature"/> says (a forged or
    /// replayed request), and returns the endpoint's answer without taking it as a response. The interaction is
    /// registered like a real one, so anything the bot did with it would show.
    /// </summary>
    public Task<(FakeInteraction Interaction, FakeEndpointResponse Response)> PostSignedAsync(
        FakeSignature signature, CancellationToken cancellationToken = default) =>
        Server.PostAsync(this, signature, cancellationToken);

    /// <summary>The interaction type: 2 command, 3 component, 5 modal submit.</summary>
    internal abstract int Type { get; }

    /// <summary>The message a component or modal belongs to.</summary>
    internal virtual FakeMessage? SourceMessage => null;

    internal abstract JsonObject BuildData();

    internal FakeInteraction Build(ulong id, string token)
    {
        var sizeLimit = AttachmentSizeLimit ?? Server.Options.MaxFileSize;
        var user = new JsonObject
        {
            ["id"] = Id(UserId),
            ["username"] = Username,
            ["discriminator"] = "0",
            ["global_name"] = null,
            ["avatar"] = null,
        };
        var json = new JsonObject
        {
            ["id"] = Id(id),
            ["application_id"] = Id(Server.ApplicationId),
            ["type"] = Type,
            ["data"] = BuildData(),
            ["channel_id"] = Id(ChannelId),
            ["channel"] = new JsonObject
            {
                ["id"] = Id(ChannelId),
                ["type"] = GuildId is null ? 1 : 0,
                ["name"] = GuildId is null ? null : "general",
            },
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = AppPermissions.ToString(CultureInfo.InvariantCulture),
            ["locale"] = Locale,
            ["attachment_size_limit"] = sizeLimit,
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = GuildId is null
                ? new JsonObject { ["1"] = Id(UserId) }
                : new JsonObject { ["0"] = Id(GuildId.Value) },
            ["context"] = GuildId is null ? 1 : 0,
        };
        if (GuildId is { } guildId)
        {
            json["guild_id"] = Id(guildId);
            json["guild_locale"] = "en-US";
            json["guild"] = new JsonObject { ["id"] = Id(guildId), ["locale"] = "en-US", ["features"] = new JsonArray() };
            json["member"] = new JsonObject
            {
                ["user"] = user,
                ["nick"] = Nick,
                ["roles"] = new JsonArray(_roles.Select(r => (JsonNode)Id(r)).ToArray()),
                ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
                ["deaf"] = false,
                ["mute"] = false,
                ["flags"] = 0,
                ["pending"] = false,
                ["permissions"] = MemberPermissions.ToString(CultureInfo.InvariantCulture),
            };
        }
        else
        {
            json["user"] = user;
        }

        if (SourceMessage is { } message)
        {
            json["message"] = message.ToJson(Server.ApplicationId, Server.FreshUrl);
        }

        return new FakeInteraction(Server, json, Type, id, token, ChannelId, GuildId, UserId, SourceMessage?.Id, sizeLimit);
    }

    protected static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
