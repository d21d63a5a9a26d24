using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// A slash command interaction: options of every type, subcommands, and attachments (registered on the fake CDN
/// and listed in <c>resolved.attachments</c>, as Discord does).
/// </summary>
public sealed class FakeSlashCommandBuilder : FakeInteractionBuilder<FakeSlashCommandBuilder>
{
    private readonly string _name;
    private readonly List<Func<JsonObject, JsonObject?>> _options = [];
    private string? _group;
    private string? _subcommand;

    internal FakeSlashCommandBuilder(FakeDiscordServer server, string name)
        : base(server)
    {
        _name = name;
    }

    internal override int Type => 2;

    /// <summary>The attachments registered for this command, after dispatch.</summary>
    public List<FakeAttachment> Attachments { get; } = [];

    public FakeSlashCommandBuilder WithSubcommand(string name)
    {
        _subcommand = name;
        return this;
    }

    public FakeSlashCommandBuilder WithSubcommandGroup(string group, string subcommand)
    {
        _group = group;
        _subcommand = subcommand;
        return this;
    }

    public FakeSlashCommandBuilder WithString(string name, string value) => Add(name, 3, JsonValue.Create(value));

    public FakeSlashCommandBuilder WithInteger(string name, long value) => Add(name, 4, JsonValue.Create(value));

    public FakeSlashCommandBuilder WithBoolean(string name, bool value) => Add(name, 5, JsonValue.Create(value));

    public FakeSlashCommandBuilder WithNumber(string name, double value) => Add(name, 10, JsonValue.Create(value));

    public FakeSlashCommandBuilder WithUser(string name, ulong userId, string username)
    {
        _options.Add(resolved =>
        {
            Map(resolved, "users")[Id(userId)] = new JsonObject { ["id"] = Id(userId), ["username"] = username, ["discriminator"] = "0", ["global_name"] = null, ["avatar"] = null };
            return Option(name, 6, JsonValue.Create(Id(userId)));
        });
        return this;
    }

    /// <summary>
    /// A USER option naming a member of the guild: like <see cref="WithUser"/>, plus <c>resolved.members[id]</c> with
    /// their roles, as Discord sends for members (resolved members carry no <c>user</c>, <c>deaf</c> or <c>mute</c>).
    /// </summary>
    public FakeSlashCommandBuilder WithMember(string name, ulong userId, string username, params ulong[] roleIds)
    {
        WithUser(name, userId, username);
        _options.Add(resolved =>
        {
            Map(resolved, "members")[Id(userId)] = new JsonObject
            {
                ["roles"] = new JsonArray(roleIds.Select(r => (JsonNode)Id(r)).ToArray()),
                ["nick"] = null,
                ["avatar"] = null,
                ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
                ["flags"] = 0,
                ["pending"] = false,
                ["permissions"] = FakeDiscordServer.DefaultMemberPermissions.ToString(CultureInfo.InvariantCulture),
            };
            return null;
        });
        return this;
    }

    /// <summary>A CHANNEL option, resolved through <c>resolved.channels</c> (a partial channel, type 0 = guild text).</summary>
    public FakeSlashCommandBuilder WithChannel(string name, ulong channelId, string channelName, int type = 0)
    {
        _options.Add(resolved =>
        {
            Map(resolved, "channels")[Id(channelId)] = new JsonObject
            {
                ["id"] = Id(channelId),
                ["name"] = channelName,
                ["type"] = type,
                ["permissions"] = FakeDiscordServer.DefaultMemberPermissions.ToString(CultureInfo.InvariantCulture),
            };
            return Option(name, 7, JsonValue.Create(Id(channelId)));
        });
        return this;
    }

    public FakeSlashCommandBuilder WithRole(string name, ulong roleId, string roleName)
    {
        _options.Add(resolved =>
        {
            Map(resolved, "roles")[Id(roleId)] = new JsonObject
            {
                ["id"] = Id(roleId), ["name"] = roleName, ["color"] = 0, ["hoist"] = false, ["position"] = 1,
                ["permissions"] = "0", ["managed"] = false, ["mentionable"] = true,
            };
            return Option(name, 8, JsonValue.Create(Id(roleId)));
        });
        return this;
    }

    /// <summary>An ATTACHMENT option: the bytes are served from the fake CDN under a signed-looking URL.</summary>
    public FakeSlashCommandBuilder WithAttachment(string name, FakeUpload upload)
    {
        _options.Add(resolved =>
        {
            var attachment = Server.RegisterCdnAttachment(upload, ephemeral: true);
            Attachments.Add(attachment);
            var json = attachment.ToJson();
            if (upload.ReportedSize is { } reported)
            {
                json["size"] = reported;
            }

            Map(resolved, "attachments")[Id(attachment.Id)] = json;
            return Option(name, 11, JsonValue.Create(Id(attachment.Id)));
        });
        return this;
    }

    public FakeSlashCommandBuilder WithAttachment(string name, byte[] content, string fileName, string? contentType = "image/png", int? width = null, int? height = null) =>
        WithAttachment(name, new FakeUpload(content, fileName, contentType, width, height));

    internal override JsonObject BuildData()
    {
        var resolved = new JsonObject();
        var leaves = new JsonArray(_options.Select(build => build(resolved)).OfType<JsonNode>().ToArray());
        JsonArray options = leaves;
        if (_subcommand is not null)
        {
            options = [new JsonObject { ["name"] = _subcommand, ["type"] = 1, ["options"] = leaves }];
            if (_group is not null)
            {
                options = [new JsonObject { ["name"] = _group, ["type"] = 2, ["options"] = options }];
            }
        }

        var data = new JsonObject
        {
            ["id"] = Id(Server.CommandId(_name, 1, GuildId)),
            ["name"] = _name,
            ["type"] = 1,
            ["options"] = options,
        };
        if (resolved.Count > 0)
        {
            data["resolved"] = resolved;
        }

        if (GuildId is { } guild && Server.IsGuildCommand(_name, guild))
        {
            data["guild_id"] = Id(guild);
        }

        return data;
    }

    private FakeSlashCommandBuilder Add(string name, int type, JsonNode? value)
    {
        _options.Add(_ => Option(name, type, value));
        return this;
    }

    private static JsonObject Option(string name, int type, JsonNode? value) =>
        new() { ["name"] = name, ["type"] = type, ["value"] = value };

    private static JsonObject Map(JsonObject resolved, string key)
    {
        if (resolved[key] is not JsonObject map)
        {
            map = [];
            resolved[key] = map;
        }

        return map;
    }

    private static new string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
