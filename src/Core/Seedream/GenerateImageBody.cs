using System.Text.Json.Serialization;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The body of <c>POST /v2/images/generate</c> for a Seedream model, with the webhook fields of
/// <see cref="JobSubmissionBody"/>. Apiframe's schema sets <c>additionalProperties: false</c>, so nothing else may ever
/// be added here.
/// </summary>
internal sealed record GenerateImageBody(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("seedreamParams")] SeedreamParamsBody SeedreamParams) : JobSubmissionBody;
