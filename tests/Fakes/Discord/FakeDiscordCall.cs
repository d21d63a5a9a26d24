using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>One request the fake received, with what it answered.</summary>
public sealed class FakeDiscordCall
{
    public required string Method { get; init; }

    /// <summary>The path below <c>/api/v10</c>, e.g. <c>/channels/123/messages</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The matched route template, e.g. <c>/channels/{channel_id}/messages</c> ("" when none matched).</summary>
    public required string Route { get; init; }

    /// <summary>The query string including '?', or "".</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required IReadOnlyDictionary<string, string> RouteValues { get; init; }

    /// <summary>The JSON body, or the parsed <c>payload_json</c> of a multipart body.</summary>
    public JsonNode? Json { get; init; }

    /// <summary>True when the body was multipart/form-data.</summary>
    public bool IsMultipart { get; init; }

    public IReadOnlyList<FakeMultipartPart> Parts { get; init; } = [];

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> on arrival, for precise intervals.</summary>
    public long ReceivedTimestamp { get; init; }

    /// <summary>The status the fake answered.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The JSON the fake answered, if any.</summary>
    public JsonNode? ResponseJson { get; internal set; }

    /// <summary>"METHOD /route/template", the key used for rate-limit configuration.</summary>
    public string RouteKey => $"{Method} {Route}";

    /// <summary>The file parts (<c>files[n]</c>).</summary>
    public IEnumerable<FakeMultipartPart> Files => Parts.Where(p => p.Name.StartsWith("files[", StringComparison.Ordinal));

    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Route} → {StatusCode}";
}
