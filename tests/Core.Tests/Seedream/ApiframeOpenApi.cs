using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>
/// Schemas out of Apiframe's own OpenAPI 3.1 document in ../shared, as NJsonSchema validators. The schemas the
/// contract tests use contain no <c>$ref</c>, <c>const</c> or <c>prefixItems</c>; their 2020-12 type arrays
/// (<c>["string","null"]</c>) and null enum members are read by NJsonSchema as they are, so nothing is normalised.
/// </summary>
internal static class ApiframeOpenApi
{
    private const string SchemaRefPrefix = "#/components/schemas/";

    private static readonly Lazy<JsonObject?> Document = new(() =>
        SharedReference.TryFind("apiframe", "openapi.json") is { } path ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null);

    public static bool IsAvailable => Document.Value is not null;

    /// <summary>A schema from <c>components.schemas</c>.</summary>
    public static Task<JsonSchema> ComponentAsync(string name) =>
        JsonSchema.FromJsonAsync(Root["components"]!["schemas"]![name]?.ToJsonString()
                                 ?? throw new KeyNotFoundException($"The OpenAPI document has no schema {name}."));

    /// <summary>The <c>oneOf</c> variant of <c>GenerateImageRequest</c> whose <c>model</c> enum holds <paramref name="model"/>.</summary>
    public static Task<JsonSchema> GenerateRequestVariantAsync(string model)
    {
        var variants = Root["components"]!["schemas"]!["GenerateImageRequest"]!["oneOf"]!.AsArray();
        var variant = variants.Single(v => v!["properties"]!["model"]!["enum"]!.AsArray().Any(m => m!.GetValue<string>() == model));
        return JsonSchema.FromJsonAsync(variant!.ToJsonString());
    }

    /// <summary>The status codes a route documents.</summary>
    public static IReadOnlyCollection<int> DocumentedStatuses(string path, string method) =>
        [.. Operation(path, method)["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The name of the component schema a route documents for a status, e.g. <c>JobAccepted</c> for 202.</summary>
    public static string? ResponseSchemaName(string path, string method, int status)
    {
        var reference = Operation(path, method)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        return reference is not null && reference.StartsWith(SchemaRefPrefix, StringComparison.Ordinal) ? reference[SchemaRefPrefix.Length..] : null;
    }

    public static void AssertValid(JsonSchema schema, string json, string what)
    {
        ICollection<ValidationError> errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what} does not match the schema: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json}");
    }

    private static JsonObject Root => Document.Value ?? throw new InvalidOperationException(SharedReference.MissingReason);

    private static JsonNode Operation(string path, string method) =>
        Root["paths"]?[path]?[method] ?? throw new KeyNotFoundException($"The OpenAPI document has no {method} {path}.");
}
