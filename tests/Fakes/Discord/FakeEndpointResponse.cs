using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>What the bot's interactions endpoint answered to one request from the fake Discord.</summary>
public sealed record FakeEndpointResponse
{
    /// <summary>The HTTP status; 0 when no answer came (refused, reset, or past Discord's 3 seconds).</summary>
    public required int StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string Body { get; init; } = "";

    /// <summary>When the fake sent the request and when the answer arrived (the fake's clock).</summary>
    public required DateTimeOffset SentAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Why there was no answer, when there was none.</summary>
    public string? Error { get; init; }

    /// <summary>The body as JSON, when it is JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return Body.Length == 0 ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public override string ToString() => StatusCode == 0 ? $"no answer ({Error})" : $"{StatusCode} {Body}";
}
