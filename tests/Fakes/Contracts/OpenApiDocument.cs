using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Fakes.Contracts;

/// <summary>
/// An OpenAPI 3.1 document from ../shared (Discord's or Apiframe's own) as NJsonSchema schemas, one per JSON request
/// body, so that the fakes can validate every body they receive. Each document is loaded once per process.
/// </summary>
public sealed class OpenApiDocument
{
    private const string RequestPrefix = "__request ";

    // NJsonSchema validates these formats itself; the documents' others (snowflake, nonce, int32, int64, double) are
    // their own names that a 2020-12 validator must ignore (reference §7.2.5), so they are dropped.
    private static readonly HashSet<string> KnownFormats = ["date-time", "uri"];

    private static readonly Lazy<Task<OpenApiDocument>> DiscordDocument = new(() => LoadAsync(SharedReference.DiscordOpenApiPath));

    private static readonly Lazy<Task<OpenApiDocument>> ApiframeDocument = new(() => LoadAsync(SharedReference.ApiframeOpenApiPath));

    private readonly JsonSchema _root;
    private readonly List<(string Method, string Path)> _operations;
    private readonly HashSet<string> _withJsonBody;

    private OpenApiDocument(JsonSchema root, List<(string Method, string Path)> operations, HashSet<string> withJsonBody)
    {
        _root = root;
        _operations = operations;
        _withJsonBody = withJsonBody;
    }

    /// <summary>Discord's document (../shared/discord-openapi/openapi.json).</summary>
    public static Task<OpenApiDocument> DiscordAsync() => DiscordDocument.Value;

    /// <summary>Apiframe's document (../shared/apiframe/openapi.json).</summary>
    public static Task<OpenApiDocument> ApiframeAsync() => ApiframeDocument.Value;

    /// <summary>Discord's document, or null (with the reason) when ../shared is absent and not required.</summary>
    public static async Task<OpenApiDocument?> DiscordIfPresentAsync() =>
        SharedReference.TryFind("discord-openapi", "openapi.json") is null ? null : await DiscordAsync().ConfigureAwait(false);

    /// <summary>Apiframe's document, or null when ../shared is absent and not required.</summary>
    public static async Task<OpenApiDocument?> ApiframeIfPresentAsync() =>
        SharedReference.TryFind("apiframe", "openapi.json") is null ? null : await ApiframeAsync().ConfigureAwait(false);

    /// <summary>The spec path (e.g. <c>/webhooks/{webhook_id}/{webhook_token}/messages/@original</c>) for a concrete request.</summary>
    public string? FindPath(string method, string concretePath)
    {
        var segments = concretePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        (string Path, int Literals)? best = null;
        foreach (var (m, path) in _operations)
        {
            if (!string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    continue;
                }

                matches = string.Equals(parts[i], segments[i], StringComparison.Ordinal);
                literals++;
            }

            if (matches && (best is null || literals > best.Value.Literals))
            {
                best = (path, literals);
            }
        }

        return best?.Path;
    }

    /// <summary>The JSON request-body schema of an operation (multipart bodies are validated through their payload_json).</summary>
    public JsonSchema RequestSchema(string method, string specPath) =>
        _root.Definitions[Key(method, specPath)];

    /// <summary>The JSON request-body schema of an operation, or null when it documents none.</summary>
    public JsonSchema? TryRequestSchema(string method, string specPath) =>
        _withJsonBody.Contains(Key(method, specPath)) ? RequestSchema(method, specPath) : null;

    /// <summary>The schema of <c>components.schemas.{name}</c>.</summary>
    public JsonSchema Component(string name) => _root.Definitions[name];

    public static ICollection<ValidationError> Validate(JsonSchema schema, JsonNode body) => schema.Validate(body.ToJsonString());

    /// <summary>
    /// Property names the schema does not know anywhere (the spec has almost no additionalProperties:false, so a
    /// misspelled field would otherwise pass). A name is accepted when any oneOf/anyOf/allOf branch defines it.
    /// </summary>
    public static IReadOnlyList<string> UnknownProperties(JsonSchema schema, JsonNode? node, string path = "")
    {
        var problems = new List<string>();
        CheckNames(Branches(schema), node, path, problems);
        return problems;
    }

    private static void CheckNames(List<JsonSchema> schemas, JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                var withProperties = schemas.Where(s => s.ActualProperties.Count > 0).ToList();
                if (withProperties.Count == 0)
                {
                    return;
                }

                foreach (var (name, value) in obj)
                {
                    var children = withProperties
                        .Where(s => s.ActualProperties.ContainsKey(name))
                        .SelectMany(s => Branches(s.ActualProperties[name]))
                        .ToList();
                    if (children.Count == 0)
                    {
                        problems.Add($"{path}.{name}".TrimStart('.'));
                        continue;
                    }

                    CheckNames(children, value, $"{path}.{name}", problems);
                }

                break;
            case JsonArray array:
                var items = schemas.Select(s => s.Item).OfType<JsonSchema>().SelectMany(Branches).ToList();
                for (var i = 0; i < array.Count; i++)
                {
                    CheckNames(items, array[i], $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static List<JsonSchema> Branches(JsonSchema schema)
    {
        var result = new List<JsonSchema>();
        var pending = new Stack<JsonSchema>([schema.ActualSchema]);
        var seen = new HashSet<JsonSchema>();
        while (pending.Count > 0)
        {
            var current = pending.Pop().ActualSchema;
            if (!seen.Add(current))
            {
                continue;
            }

            result.Add(current);
            foreach (var branch in current.AllOf.Concat(current.OneOf).Concat(current.AnyOf))
            {
                pending.Push(branch.ActualSchema);
            }
        }

        return result;
    }

    private static string Key(string method, string specPath) => $"{RequestPrefix}{method.ToUpperInvariant()} {specPath}";

    private static async Task<OpenApiDocument> LoadAsync(string file)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false))!.AsObject();
        var definitions = (JsonObject)document["components"]!["schemas"]!.DeepClone();
        var operations = new List<(string, string)>();
        var withJsonBody = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                // A path item also holds shared "parameters"; only the HTTP methods are operations.
                if (method is not ("get" or "delete" or "post" or "put" or "patch"))
                {
                    continue;
                }

                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    definitions[Key(method, path)] = schema.DeepClone();
                    withJsonBody.Add(Key(method, path));
                }

                operations.Add((method.ToUpperInvariant(), path));
            }
        }

        Normalize(definitions);
        var root = new JsonObject { ["definitions"] = definitions };
        var schemaRoot = await JsonSchema.FromJsonAsync(root.ToJsonString()).ConfigureAwait(false);
        return new OpenApiDocument(schemaRoot, operations, withJsonBody);
    }

    /// <summary>
    /// Rewrites the OpenAPI 3.1 (JSON Schema 2020-12) constructs NJsonSchema, a draft-4/7 validator, does not read:
    /// refs into components become refs into definitions, <c>const</c> becomes a one-value <c>enum</c> (NJsonSchema
    /// ignores const, which would let every union branch match), and Discord-specific formats are dropped.
    /// </summary>
    private static void Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/definitions/" + target["#/components/schemas/".Length..];
                }

                if (obj.ContainsKey("const"))
                {
                    var value = obj["const"]?.DeepClone();
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value);
                }

                if (obj["format"] is JsonValue format && format.GetValueKind() == JsonValueKind.String && !KnownFormats.Contains(format.GetValue<string>()))
                {
                    obj.Remove("format");
                }

                obj.Remove("contentEncoding");
                foreach (var (_, child) in obj.ToList())
                {
                    Normalize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Normalize(child);
                }

                break;
        }
    }
}
