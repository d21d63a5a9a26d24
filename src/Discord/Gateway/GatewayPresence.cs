using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The bot's presence (op 3 Presence Update, and the <c>presence</c> of Identify so a new session starts with it).
/// </summary>
/// <param name="Status">online, idle, dnd or invisible.</param>
/// <param name="Activities">What the bot is "doing"; bots may set one activity.</param>
/// <param name="Since">Unix time in milliseconds when the client went idle, or null.</param>
/// <param name="Afk">Whether the client is AFK.</param>
public sealed record GatewayPresence(
    GatewayUserStatus Status,
    IReadOnlyList<GatewayActivity> Activities,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Since = null,
    bool Afk = false)
{
    /// <summary>Online with a single activity, e.g. <c>GatewayPresence.Online(GatewayActivityType.Watching, "/imagine")</c>.</summary>
    public static GatewayPresence Online(GatewayActivityType type, string name) =>
        new(GatewayUserStatus.Online, [new GatewayActivity(name, type)]);
}
