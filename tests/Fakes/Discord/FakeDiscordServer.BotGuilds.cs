using System.Globalization;
using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Fakes.Discord;

// The servers the bot is in: GET /users/@me/guilds, and the rule that guild commands exist only where the app is.
public sealed partial class FakeDiscordServer
{
    /// <summary>The servers the bot is in now, ascending by id.</summary>
    public IReadOnlyList<FakeGuild> Guilds => Read(() => _botGuilds.Values.ToArray());

    /// <summary>The bot joins a server (an invite was accepted).</summary>
    public void AddGuild(FakeGuild guild)
    {
        ArgumentNullException.ThrowIfNull(guild);
        Write(() => _botGuilds[guild.Id] = guild);
    }

    /// <summary>The bot leaves or is removed from a server; Discord removes the app's commands there with it.</summary>
    public void RemoveGuild(ulong guildId) => Write(() =>
    {
        _botGuilds.Remove(guildId);
        _guildCommands.Remove(guildId);
        NoteBotLeft(guildId);
    });

    private bool InGuild(ulong guildId) => _botGuilds.ContainsKey(guildId);

    // Discord pages by id: at most `limit` (1-200, default 200) guilds with ids after `after` (or before `before`).
    private FakeRestResult CurrentUserGuilds(FakeRestRequest request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        var errors = new FakeErrorTree();
        var limit = 200;
        if (query["limit"] is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                errors.Add("limit", "NUMBER_TYPE_COERCE", $"Value \"{limitText}\" is not int.");
            }
            else if (limit < 1)
            {
                errors.Add("limit", "NUMBER_TYPE_MIN", "int value should be greater than or equal to 1.");
            }
            else if (limit > 200)
            {
                errors.Add("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 200.");
            }
        }

        ulong? after = null;
        ulong? before = null;
        foreach (var (name, set) in new (string Name, Action<ulong> Set)[] { ("after", v => after = v), ("before", v => before = v) })
        {
            if (query[name] is { } text)
            {
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    set(id);
                }
                else
                {
                    errors.Add(name, "NUMBER_TYPE_COERCE", $"Value \"{text}\" is not snowflake.");
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return FakeRestResult.Invalid(errors);
        }

        IEnumerable<FakeGuild> page = _botGuilds.Values;
        page = before is { } upper && after is null
            ? page.Where(g => g.Id < upper).OrderByDescending(g => g.Id).Take(limit).OrderBy(g => g.Id)
            : page.Where(g => g.Id > (after ?? 0)).OrderBy(g => g.Id).Take(limit);
        return FakeRestResult.Ok(new JsonArray([.. page.Select(guild => (JsonNode)new JsonObject
        {
            ["id"] = Id(guild.Id),
            ["name"] = guild.Name,
            ["icon"] = null,
            ["banner"] = null,
            ["owner"] = false,
            ["permissions"] = DefaultAppPermissions.ToString(CultureInfo.InvariantCulture),
            ["features"] = new JsonArray(),
        })]));
    }
}
