using System.Text.Json.Serialization;

namespace SeedreamBot.Bot.Operations;

/// <summary>Source-generated JSON for <c>/healthz</c>; the primitive types are the values checks put in their data.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
