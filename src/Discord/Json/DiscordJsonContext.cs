using System.Text.Json;
using System.Text.Json.Serialization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Json;

/// <summary>
/// Source-generated serialization for every Discord wire model: snake_case names, nulls omitted (Discord treats
/// an absent member as "unchanged" on edits), snowflakes and permission bitfields as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter), typeof(PermissionsConverter)])]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(MessageEdit))]
[JsonSerializable(typeof(FollowupMessageCreate))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(IReadOnlyList<UserGuild>))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(DirectMessageChannelCreate))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(ActionRow))]
[JsonSerializable(typeof(Button))]
[JsonSerializable(typeof(TextInput))]
[JsonSerializable(typeof(Label))]
[JsonSerializable(typeof(TextDisplay))]
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(Embed))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(AttachmentUrlRefresh))]
[JsonSerializable(typeof(AttachmentUrlRefreshResult))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
