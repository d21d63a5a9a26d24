using System.Text.Json.Serialization;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// What every job-creating request body shares: Apiframe's webhook fields. Left out (not null) when webhooks are off, so
/// the body is exactly what it was before.
/// </summary>
internal abstract record JobSubmissionBody
{
    /// <summary>The events the bot subscribes to: every one Apiframe sends.</summary>
    public static readonly IReadOnlyList<string> AllWebhookEvents = ["progress", "completed", "failed"];

    [JsonPropertyName("webhookUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebhookUrl { get; init; }

    [JsonPropertyName("webhookEvents")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? WebhookEvents { get; init; }
}
