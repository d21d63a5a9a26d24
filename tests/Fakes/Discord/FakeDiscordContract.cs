using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SeedreamBot.Fakes.Contracts;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// Checks a request the fake received against Discord's own OpenAPI document, minding the caveats of reference §7.2
/// so that it is exactly as strict as Discord, never stricter: <c>default_member_permissions</c> may be a string
/// (the docs' type), fields the docs have and the spec lacks are accepted, unknown property names are looked for
/// separately (the spec almost never forbids them), and multipart bodies are checked through payload_json plus the
/// files[n] pairing. Discord's documented limits that the spec does not carry (embed totals, 2000-character
/// content, five modal components…) are the fake's own rules (<see cref="FakeMessageRules"/>): a body they refuse is
/// reported as well.
/// </summary>
internal static partial class FakeDiscordContract
{
    /// <summary>JSON error codes with which the fake refuses a malformed body: a request Discord would refuse too.</summary>
    private static readonly HashSet<int> MalformedBodyCodes =
    [
        50035, // Invalid Form Body (every documented limit, as a tree)
        50109, // The request body contains invalid JSON
        50006, // Cannot send an empty message
        30015, // Maximum number of attachments in a message reached (10)
    ];

    /// <summary>Problems with the body of <paramref name="call"/>; none for calls without a body.</summary>
    public static IEnumerable<string> Check(OpenApiDocument? spec, FakeDiscordCall call)
    {
        if (call.Json is null || call.Route.Length == 0)
        {
            yield break;
        }

        // Real, but missing from the OpenAPI document we have (reference platform-2026 §Signed attachment URLs): its
        // shape is checked by hand, as the libraries that call it type it.
        if (call.Route == RefreshUrlsRoute)
        {
            foreach (var problem in CheckRefreshUrls(call))
            {
                yield return problem;
            }

            yield break;
        }

        if (spec is not null)
        {
            var specPath = spec.FindPath(call.Method, call.Path);
            if (specPath is null)
            {
                yield return $"{call.RouteKey}: Discord's OpenAPI document has no such operation";
                yield break;
            }

            var schema = spec.TryRequestSchema(call.Method, specPath);
            if (schema is null)
            {
                yield return $"{call.RouteKey}: the operation takes no JSON body, but one was sent";
                yield break;
            }

            var body = CoerceDocumentedDifferences(call.Json.DeepClone());
            foreach (var error in OpenApiDocument.Validate(schema, body))
            {
                yield return $"{call.RouteKey}: {error}";
            }

            foreach (var unknown in OpenApiDocument.UnknownProperties(schema, body).Where(p => !DocumentedButNotInSpec(call, p)))
            {
                yield return $"{call.RouteKey}: unknown property {unknown}";
            }
        }

        if (call.IsMultipart)
        {
            foreach (var problem in CheckPairing(call))
            {
                yield return problem;
            }
        }
    }

    private const string RefreshUrlsRoute = "/attachments/refresh-urls";

    /// <summary><c>{"attachment_urls": [string, …]}</c>, 1–50 URLs, nothing else.</summary>
    private static IEnumerable<string> CheckRefreshUrls(FakeDiscordCall call)
    {
        if (call.Json is not JsonObject body || body["attachment_urls"] is not JsonArray urls)
        {
            yield return $"{call.RouteKey}: attachment_urls (an array of URLs) is required";
            yield break;
        }

        if (urls.Count is < 1 or > FakeDiscordServer.MaxRefreshUrls)
        {
            yield return $"{call.RouteKey}: attachment_urls must hold 1 to {FakeDiscordServer.MaxRefreshUrls} URLs, not {urls.Count}";
        }

        if (urls.Any(url => url is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
        {
            yield return $"{call.RouteKey}: every attachment_urls entry must be a string";
        }

        foreach (var unknown in body.Select(property => property.Key).Where(key => key != "attachment_urls"))
        {
            yield return $"{call.RouteKey}: unknown property {unknown}";
        }
    }

    /// <summary>The fake's own rules refused the body (a limit Discord documents beyond the spec, or an empty message).</summary>
    public static string? Refusal(FakeDiscordCall call) =>
        call.StatusCode is 400 && call.ResponseJson?["code"] is JsonValue code && code.TryGetValue<int>(out var value)
            && MalformedBodyCodes.Contains(value)
            ? $"{call.RouteKey}: refused by Discord's documented limits: {call.ResponseJson.ToJsonString()}"
            : null;

    // Fields the docs list for what a bot sends that the spec does not have (where they differ the spec's README says
    // to follow the docs): `nsfw` on a command to create (reference §2.2), `file_types` on an attachment option (§7.2.6).
    private static bool DocumentedButNotInSpec(FakeDiscordCall call, string property) =>
        call.Route.EndsWith("/commands", StringComparison.Ordinal)
        && (CommandNsfw().IsMatch(property) || OptionFileTypes().IsMatch(property));

    // Reference §7.2.1: the docs (and the API) take the permission bitfield as a string; the spec says integer.
    // Reference §7.2.2: the docs take an attachment's id as a snowflake or a number; the spec only as a string.
    private static JsonNode CoerceDocumentedDifferences(JsonNode body)
    {
        var message = body is JsonObject root ? root["data"] as JsonObject ?? root : null;
        foreach (var attachment in (message?["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (attachment["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number && id.TryGetValue<ulong>(out var number))
            {
                attachment["id"] = number.ToString(CultureInfo.InvariantCulture);
            }
        }

        IEnumerable<JsonObject> commands = body switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject one => [one],
            _ => [],
        };
        foreach (var command in commands)
        {
            if (command["default_member_permissions"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                && ulong.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
            {
                command["default_member_permissions"] = bits;
            }
        }

        return body;
    }

    // Reference §7.2.4: the spec lists no files[n] for these bodies, so the pairing is checked by hand.
    private static IEnumerable<string> CheckPairing(FakeDiscordCall call)
    {
        var message = call.Json is JsonObject root ? root["data"] as JsonObject ?? root : null;
        var idTexts = (message?["attachments"] as JsonArray ?? []).Select(a => a?["id"]?.ToString()).ToHashSet();
        foreach (var file in call.Files)
        {
            var index = file.Name["files[".Length..^1];
            if (!idTexts.Contains(index))
            {
                yield return $"{call.RouteKey}: {file.Name} has no attachments entry with id \"{index}\"";
            }
        }
    }

    [GeneratedRegex(@"^(\[\d+\]\.)?nsfw$")]
    private static partial Regex CommandNsfw();

    [GeneratedRegex(@"^(\[\d+\]\.)?(options\[\d+\]\.)+file_types$")]
    private static partial Regex OptionFileTypes();
}
