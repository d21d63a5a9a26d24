using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>A message context-menu command: the target message (with its attachments and embeds) is in <c>resolved.messages</c>.</summary>
public sealed class FakeMessageCommandBuilder : FakeInteractionBuilder<FakeMessageCommandBuilder>
{
    private readonly string _name;
    private FakeMessage? _target;

    internal FakeMessageCommandBuilder(FakeDiscordServer server, string name)
        : base(server)
    {
        _name = name;
    }

    internal override int Type => 2;

    /// <summary>The message the command is used on (see <see cref="FakeDiscordServer.AddUserMessage"/>).</summary>
    public FakeMessageCommandBuilder Targeting(FakeMessage message)
    {
        _target = message;
        return this;
    }

    internal override JsonObject BuildData()
    {
        var target = _target ?? throw new InvalidOperationException("A message command needs Targeting(message).");
        var id = target.Id.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = Server.CommandId(_name, 3, GuildId).ToString(CultureInfo.InvariantCulture),
            ["name"] = _name,
            ["type"] = 3,
            ["target_id"] = id,
            ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [id] = target.ToJson(Server.ApplicationId, Server.FreshUrl) } },
        };
    }
}
