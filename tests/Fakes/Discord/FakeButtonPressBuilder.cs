using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>A button press: <c>data.custom_id</c> and the message the button is on.</summary>
public sealed class FakeButtonPressBuilder : FakeInteractionBuilder<FakeButtonPressBuilder>
{
    private readonly string _customId;
    private FakeMessage? _message;

    internal FakeButtonPressBuilder(FakeDiscordServer server, string customId)
        : base(server)
    {
        _customId = customId;
    }

    internal override int Type => 3;

    internal override FakeMessage? SourceMessage => _message;

    /// <summary>The message carrying the button (e.g. an interaction's <c>Original</c>); also sets the channel.</summary>
    public FakeButtonPressBuilder On(FakeMessage message)
    {
        _message = message;
        return message.GuildId is { } guild ? InGuild(guild, message.ChannelId) : InDirectMessage(message.ChannelId);
    }

    internal override JsonObject BuildData()
    {
        if (_message is null)
        {
            throw new InvalidOperationException("A button press needs On(message).");
        }

        return new JsonObject { ["custom_id"] = _customId, ["component_type"] = 2 };
    }
}
