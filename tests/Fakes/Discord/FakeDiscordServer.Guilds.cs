using System.Globalization;
using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Fakes.Discord;

// Servers' members and owners, GET /guilds/{id}, leaving a server, and DM channels with users. Whether the bot is in a
// server is the list of FakeDiscordServer.BotGuilds.cs; this adds who else is there.
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<ulong, FakeDiscordGuild> _guilds = [];
    private readonly Dictionary<ulong, ulong> _dmChannels = [];
    private readonly HashSet<ulong> _closedDirectMessages = [];

    /// <summary>The bot joins (or is in) a server with this name; <paramref name="ownerId"/> becomes a member.</summary>
    public FakeDiscordGuild AddGuild(ulong guildId, string name, ulong ownerId = 1100000000000000999)
    {
        FakeDiscordGuild? guild = null;
        Write(() =>
        {
            guild = GuildFor(guildId);
            guild.Name = name;
            guild.OwnerId = ownerId;
            guild.BotLeft = false;
            guild.Members.TryAdd(ownerId, []);
            _botGuilds[guildId] = new FakeGuild(guildId, name);
        });
        return guild!;
    }

    /// <summary>Makes <paramref name="userId"/> a member of the server (adding the server when unknown).</summary>
    public void AddGuildMember(ulong guildId, ulong userId, params ulong[] roleIds) =>
        Write(() => GuildFor(guildId).Members[userId] = roleIds);

    public void RemoveGuildMember(ulong guildId, ulong userId) =>
        Write(() => GuildFor(guildId).Members.Remove(userId));

    /// <summary>The server's state, or null when the fake never heard of it.</summary>
    public FakeDiscordGuild? Guild(ulong guildId) => Read(() => _guilds.GetValueOrDefault(guildId));

    /// <summary>The DM channel the bot opened with a user, or null.</summary>
    public ulong? DirectMessageChannelOf(ulong userId) => Read(() => _dmChannels.TryGetValue(userId, out var id) ? id : (ulong?)null);

    /// <summary>The user allows no DMs from the bot: posting there fails with 403 / 50007, as on Discord.</summary>
    public void CloseDirectMessages(ulong userId) => Write(() => _closedDirectMessages.Add(userId));

    /// <summary>
    /// Registers the invoker of an interaction about to be dispatched as a member, and the bot as in the server (an
    /// interaction from a server means the bot is installed there). Caller holds no lock.
    /// </summary>
    private void NoteInteractionMember(ulong guildId, ulong userId, IReadOnlyList<ulong> roles) => Write(() =>
    {
        var guild = GuildFor(guildId);
        if (guild.BotLeft)
        {
            // Discord sends nothing from a server the bot is no longer in.
            throw new InvalidOperationException($"The bot left guild {guildId}; Discord would not deliver an interaction from it.");
        }

        _botGuilds.TryAdd(guildId, new FakeGuild(guildId, guild.Name));
        guild.Members[userId] = roles;
    });

    /// <summary>The bot is no longer in the server: the member registry remembers it (caller holds the lock).</summary>
    private void NoteBotLeft(ulong guildId) => GuildFor(guildId).BotLeft = true;

    private FakeDiscordGuild GuildFor(ulong guildId)
    {
        if (!_guilds.TryGetValue(guildId, out var guild))
        {
            var name = _botGuilds.TryGetValue(guildId, out var known) ? known.Name : "Guild " + Id(guildId);
            guild = new FakeDiscordGuild(guildId, name, 1100000000000000999);
            _guilds[guildId] = guild;
        }

        return guild;
    }

    private bool IsDirectMessageChannel(ulong channelId) => channelId == DefaultDmChannelId || _dmChannels.ContainsValue(channelId);

    /// <summary>The DM channel's recipient when DMs to them are closed, else null (caller holds the lock).</summary>
    private FakeRestResult? ClosedDirectMessage(ulong channelId)
    {
        foreach (var (user, channel) in _dmChannels)
        {
            if (channel == channelId && _closedDirectMessages.Contains(user))
            {
                return FakeRestResult.Error(403, 50007, "Cannot send messages to this user");
            }
        }

        return null;
    }

    private FakeRestResult GetGuild(FakeRestRequest request)
    {
        if (!InGuild(request.Id("guild_id")))
        {
            return UnknownGuild();
        }

        var guild = GuildFor(request.Id("guild_id"));
        var body = new JsonObject
        {
            ["id"] = Id(guild.Id),
            ["name"] = guild.Name,
            ["icon"] = null,
            ["owner_id"] = Id(guild.OwnerId),
            ["preferred_locale"] = "en-US",
            ["features"] = new JsonArray(),
            ["roles"] = new JsonArray(),
        };
        if (request.Query.Contains("with_counts=true", StringComparison.Ordinal))
        {
            // The bot counts as a member too.
            body["approximate_member_count"] = guild.Members.Count + (guild.Members.ContainsKey(BotUserId) ? 0 : 1);
            body["approximate_presence_count"] = 1;
        }

        return FakeRestResult.Ok(body);
    }

    private FakeRestResult GetGuildMember(FakeRestRequest request)
    {
        if (!InGuild(request.Id("guild_id")))
        {
            return UnknownGuild();
        }

        var guild = GuildFor(request.Id("guild_id"));
        var userId = request.Id("user_id");
        if (!guild.Members.TryGetValue(userId, out var roles) && userId != BotUserId)
        {
            return FakeRestResult.Error(404, 10007, "Unknown Member");
        }

        return FakeRestResult.Ok(new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["communication_disabled_until"] = null,
            ["flags"] = 0,
            ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
            ["nick"] = null,
            ["pending"] = false,
            ["premium_since"] = null,
            ["roles"] = new JsonArray([.. (roles ?? []).Select(role => (JsonNode)Id(role))]),
            ["user"] = new JsonObject
            {
                ["id"] = Id(userId),
                ["username"] = userId == BotUserId ? Options.BotUsername : "user" + Id(userId)[^4..],
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
            },
            ["mute"] = false,
            ["deaf"] = false,
        });
    }

    private FakeRestResult LeaveGuild(FakeRestRequest request)
    {
        var guildId = request.Id("guild_id");
        if (!InGuild(guildId))
        {
            return UnknownGuild();
        }

        // As when a server removes the bot: its commands there go with it.
        _botGuilds.Remove(guildId);
        _guildCommands.Remove(guildId);
        NoteBotLeft(guildId);
        return FakeRestResult.NoContent();
    }

    private FakeRestResult CreateDirectMessageChannel(FakeRestRequest request)
    {
        var recipient = request.Json is JsonObject body ? FakeMessageRules.Snowflake(body["recipient_id"]) : null;
        if (recipient is not { } userId)
        {
            var errors = new FakeErrorTree();
            errors.Add("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
            return FakeRestResult.Invalid(errors);
        }

        if (userId == BotUserId)
        {
            return FakeRestResult.Error(400, 50007, "Cannot send messages to this user");
        }

        if (!_dmChannels.TryGetValue(userId, out var channelId))
        {
            channelId = _ids.Next();
            _dmChannels[userId] = channelId;
        }

        return FakeRestResult.Ok(new JsonObject
        {
            ["id"] = Id(channelId),
            ["type"] = 1,
            ["last_message_id"] = null,
            ["flags"] = 0,
            ["recipients"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(userId),
                ["username"] = "user" + userId.ToString(CultureInfo.InvariantCulture)[^4..],
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
            }),
        });
    }

    private static FakeRestResult UnknownGuild() => FakeRestResult.Error(404, 10004, "Unknown Guild");
}
