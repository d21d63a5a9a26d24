using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// Gateway info, the application and command registration.
public sealed partial class FakeDiscordServer
{
    private FakeRestResult GatewayBot()
    {
        var body = new JsonObject { ["url"] = GatewayUrl };
        foreach (var (name, value) in _gateway.DescribeForGatewayBot())
        {
            body[name] = value?.DeepClone();
        }

        return FakeRestResult.Ok(body);
    }

    private FakeRestResult CurrentApplication()
    {
        var application = new JsonObject
        {
            ["id"] = Id(ApplicationId),
            ["name"] = Options.ApplicationName,
            ["icon"] = null,
            ["description"] = "",
            ["bot_public"] = Options.BotPublic,
            ["bot_require_code_grant"] = false,
            ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
            ["flags"] = 0,
            ["approximate_guild_count"] = _botGuilds.Count,
            ["bot"] = new JsonObject { ["id"] = Id(BotUserId), ["username"] = Options.BotUsername, ["discriminator"] = "0", ["bot"] = true },
        };
        if (Options.TeamMemberIds.Count == 0)
        {
            application["owner"] = new JsonObject { ["id"] = Id(Options.OwnerId), ["username"] = "owner", ["discriminator"] = "0", ["global_name"] = null, ["avatar"] = null };
            return FakeRestResult.Ok(application);
        }

        // A team-owned application: the owner is the team's placeholder user (flag TEAM_PSEUDO_USER, 1 << 10).
        var teamId = ApplicationId + 7;
        application["owner"] = new JsonObject
        {
            ["id"] = Id(teamId),
            ["username"] = "team" + Id(teamId),
            ["discriminator"] = "0000",
            ["avatar"] = null,
            ["flags"] = 1024,
        };
        var members = new JsonArray();
        foreach (var (userId, state) in Options.TeamMemberIds.Select(id => (id, 2)).Concat(Options.InvitedTeamMemberIds.Select(id => (id, 1))))
        {
            members.Add(new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = Id(userId), ["username"] = "dev" + Id(userId)[^4..], ["discriminator"] = "0", ["global_name"] = null, ["avatar"] = null },
                ["team_id"] = Id(teamId),
                ["membership_state"] = state,
                ["role"] = userId == Options.TeamMemberIds[0] ? "admin" : "developer",
                ["permissions"] = new JsonArray("*"),
            });
        }

        application["team"] = new JsonObject
        {
            ["id"] = Id(teamId),
            ["icon"] = null,
            ["name"] = "The " + Options.ApplicationName + " team",
            ["owner_user_id"] = Id(Options.TeamMemberIds[0]),
            ["members"] = members,
        };
        return FakeRestResult.Ok(application);
    }

    private FakeRestResult OverwriteCommands(FakeRestRequest request, ulong? guildId)
    {
        // Guild commands exist only where the app is installed; elsewhere Discord answers Missing Access.
        if (request.Id("application_id") != ApplicationId || (guildId is { } where && !InGuild(where)))
        {
            return FakeRestResult.Error(403, 50001, "Missing Access");
        }

        if (request.Json is not JsonArray commands)
        {
            var errors = new FakeErrorTree();
            errors.Add("", "BASE_TYPE_ARRAY", "Must be an array.");
            return FakeRestResult.Invalid(errors);
        }

        var tree = new FakeErrorTree();
        FakeCommandRules.Check(tree, commands);
        if (!tree.IsEmpty)
        {
            return FakeRestResult.Invalid(tree);
        }

        var stored = new List<JsonObject>();
        foreach (var node in commands)
        {
            var command = (JsonObject)node!.DeepClone();
            var type = FakeMessageRules.Int(command["type"]) ?? 1;
            var name = FakeMessageRules.Text(command["name"]) ?? "";
            var key = CommandKey(name, type, guildId);
            if (!_commandIds.TryGetValue(key, out var id))
            {
                id = _ids.Next();
                _commandIds[key] = id;
            }

            command["id"] = Id(id);
            command["type"] = type;
            command["application_id"] = Id(ApplicationId);
            command["version"] = Id(_ids.Next());
            command["description"] ??= "";
            if (guildId is { } guild)
            {
                command["guild_id"] = Id(guild);
            }

            // Discord answers the bitfield as a string whatever form it was sent in.
            if (command["default_member_permissions"] is JsonValue permissions && permissions.GetValueKind() == JsonValueKind.Number)
            {
                command["default_member_permissions"] = permissions.GetValue<ulong>().ToString(CultureInfo.InvariantCulture);
            }

            stored.Add(command);
        }

        if (guildId is { } target)
        {
            _guildCommands[target] = stored;
        }
        else
        {
            _globalCommands = stored;
        }

        return FakeRestResult.Ok(new JsonArray(stored.Select(c => (JsonNode)c.DeepClone()).ToArray()));
    }

    private FakeRestResult ListCommands(FakeRestRequest request, ulong? guildId)
    {
        if (request.Id("application_id") != ApplicationId || (guildId is { } where && !InGuild(where)))
        {
            return FakeRestResult.Error(403, 50001, "Missing Access");
        }

        var list = guildId is { } guild ? _guildCommands.GetValueOrDefault(guild) ?? [] : _globalCommands;
        return FakeRestResult.Ok(new JsonArray(list.Select(c => (JsonNode)c.DeepClone()).ToArray()));
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
