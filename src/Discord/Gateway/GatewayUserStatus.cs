using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>The presence status, written as Discord's lowercase strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GatewayUserStatus>))]
public enum GatewayUserStatus
{
    [JsonStringEnumMemberName("online")]
    Online,

    [JsonStringEnumMemberName("idle")]
    Idle,

    [JsonStringEnumMemberName("dnd")]
    DoNotDisturb,

    [JsonStringEnumMemberName("invisible")]
    Invisible,
}
