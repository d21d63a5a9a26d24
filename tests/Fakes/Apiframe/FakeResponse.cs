using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>An answer the fake has decided on, before it is written (so a fault can still replace it).</summary>
internal sealed record FakeResponse(int StatusCode)
{
    public JsonNode? Json { get; init; }

    public byte[]? Bytes { get; init; }

    public string? ContentType { get; init; }

    public bool OmitContentLength { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeResponse Error(int statusCode, string error) =>
        new(statusCode) { Json = new JsonObject { ["error"] = error } };

    public static FakeResponse Validation(string error, IReadOnlyDictionary<string, List<string>> details)
    {
        var detailsJson = new JsonObject();
        foreach (var (path, messages) in details)
        {
            detailsJson[path] = new JsonArray([.. messages.Select(m => (JsonNode)JsonValue.Create(m))]);
        }

        return new FakeResponse(400) { Json = new JsonObject { ["error"] = error, ["details"] = detailsJson } };
    }

    public static FakeResponse Ok(JsonNode json, int statusCode = 200) => new(statusCode) { Json = json };
}
