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

    private FakeRestResult CurrentApplication() => FakeRestResult.Ok(new JsonObject
    {
        ["id"] = Id(ApplicationId),
        ["name"] = Options.ApplicationName,
        ["icon"] = null,
        ["description"] = "",
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
        ["flags"] = 0,
        ["approximate_guild_count"] = 1,
        ["bot"] = new JsonObject { ["id"] = Id(BotUserId), ["username"] = Options.BotUsername, ["discriminator"] = "0", ["bot"] = true },
        ["owner"] = new JsonObject { ["id"] = Id(DefaultUserId), ["username"] = "owner", ["discriminator"] = "0" },
    });

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
