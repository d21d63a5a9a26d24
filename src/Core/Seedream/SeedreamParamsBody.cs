using System.Text.Json.Serialization;

namespace SeedreamBot.Core.Seedream;

/// <summary>The <c>seedreamParams</c> object; <c>image_input</c> is left out when there are no input images.</summary>
internal sealed record SeedreamParamsBody(
    [property: JsonPropertyName("size")] string Size,
    [property: JsonPropertyName("aspect_ratio")] string AspectRatio,
    [property: JsonPropertyName("output_format")] string OutputFormat,
    [property: JsonPropertyName("image_input"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? ImageInput);
