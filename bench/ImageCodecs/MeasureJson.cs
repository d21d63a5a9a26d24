using System.Text.Json.Serialization;

namespace SeedreamBot.Bench.ImageCodecs;

[JsonSerializable(typeof(MeasureResult))]
internal sealed partial class MeasureJson : JsonSerializerContext;
