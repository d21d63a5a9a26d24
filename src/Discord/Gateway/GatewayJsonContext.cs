using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Gateway;

/// <summary>Source-generated serialization for the gateway's own payloads (snake_case, strict about required fields).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GatewayCommand<IdentifyData>))]
[JsonSerializable(typeof(GatewayCommand<ResumeData>))]
[JsonSerializable(typeof(GatewayCommand<int?>))]
[JsonSerializable(typeof(GatewayCommand<GatewayPresence>))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(GuildCreateEvent))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
