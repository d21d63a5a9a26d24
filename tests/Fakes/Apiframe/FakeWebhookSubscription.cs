using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>Reads a validated job-creating body's webhook fields.</summary>
internal static class FakeWebhookSubscription
{
    /// <summary>Every event; also what a job gets when it names none (Apiframe does not document that default).</summary>
    public static readonly IReadOnlyList<string> AllEvents = ["progress", "completed", "failed"];

    public static Uri? UrlOf(JsonObject root) =>
        root["webhookUrl"] is JsonValue value && value.TryGetValue<string>(out var text) && Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : null;

    public static IReadOnlyList<string> EventsOf(JsonObject root) =>
        root["webhookEvents"] is JsonArray events
            ? [.. events.Select(e => e?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal)]
            : AllEvents;
}
