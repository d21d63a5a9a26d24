using System.Text.Json;
using System.Text.Json.Nodes;
using SeedreamBot.Fakes.Contracts;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// Checks a request body the fake received against Apiframe's own OpenAPI document (its schemas forbid unknown
/// properties themselves), and reports a body the fake's own validation refused: Apiframe documents rules the schema
/// cannot carry (sizes per model), and would refuse such a body too.
/// </summary>
internal static class FakeApiframeContract
{
    public static IEnumerable<string> Check(OpenApiDocument? spec, string method, string path, string body, FakeResponse? refusal)
    {
        var route = $"{method} {path}";
        if (refusal is not null)
        {
            yield return $"{route}: refused by Apiframe's validation: {refusal.Json?.ToJsonString()}";
        }

        if (spec is null || body.Length == 0)
        {
            yield break;
        }

        var specPath = spec.FindPath(method, path);
        if (specPath is null)
        {
            yield return $"{route}: Apiframe's OpenAPI document has no such operation";
            yield break;
        }

        var schema = spec.TryRequestSchema(method, specPath);
        if (schema is null)
        {
            yield return $"{route}: the operation takes no JSON body, but one was sent";
            yield break;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            json = null;
            route = $"{route}: the body is not JSON ({exception.Message})";
        }

        if (json is null)
        {
            yield return route;
            yield break;
        }

        foreach (var error in OpenApiDocument.Validate(schema, json))
        {
            yield return $"{method} {path}: {error}";
        }
    }
}
