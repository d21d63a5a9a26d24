using System.Text.Json.Serialization;

namespace SeedreamBot.Core.Seedream;

/// <summary>Source-generated serialization for every Apiframe wire model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerateImageBody))]
[JsonSerializable(typeof(JobAcceptedBody))]
[JsonSerializable(typeof(JobBody))]
[JsonSerializable(typeof(MeBody))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(UploadBody))]
[JsonSerializable(typeof(WebhookEventBody))]
internal sealed partial class ApiframeJsonContext : JsonSerializerContext;
