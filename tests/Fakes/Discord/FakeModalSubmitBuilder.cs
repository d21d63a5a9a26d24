using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// A modal submit: the modal's custom_id and the text input values, in the current Label layout (default) or the
/// legacy action-row layout.
/// </summary>
public sealed class FakeModalSubmitBuilder : FakeInteractionBuilder<FakeModalSubmitBuilder>
{
    private readonly string _customId;
    private readonly List<(string CustomId, string Value)> _values = [];
    private bool _actionRows;
    private FakeMessage? _message;

    internal FakeModalSubmitBuilder(FakeDiscordServer server, string customId)
        : base(server)
    {
        _customId = customId;
    }

    internal override int Type => 5;

    internal override FakeMessage? SourceMessage => _message;

    public FakeModalSubmitBuilder WithValue(string inputCustomId, string value)
    {
        _values.Add((inputCustomId, value));
        return this;
    }

    /// <summary>Sends the values in legacy action rows instead of Label components.</summary>
    public FakeModalSubmitBuilder UsingActionRows()
    {
        _actionRows = true;
        return this;
    }

    /// <summary>The modal was opened from a button on <paramref name="message"/>.</summary>
    public FakeModalSubmitBuilder FromMessage(FakeMessage message)
    {
        _message = message;
        return message.GuildId is { } guild ? InGuild(guild, message.ChannelId) : InDirectMessage(message.ChannelId);
    }

    internal override JsonObject BuildData()
    {
        var components = new JsonArray();
        var id = 1;
        foreach (var (customId, value) in _values)
        {
            var input = new JsonObject { ["type"] = 4, ["id"] = id + 1, ["custom_id"] = customId, ["value"] = value };
            components.Add(_actionRows
                ? new JsonObject { ["type"] = 1, ["id"] = id, ["components"] = new JsonArray(input) }
                : new JsonObject { ["type"] = 18, ["id"] = id, ["component"] = input });
            id += 2;
        }

        return new JsonObject { ["custom_id"] = _customId, ["components"] = components };
    }
}
