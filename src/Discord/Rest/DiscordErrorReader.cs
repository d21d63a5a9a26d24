using System.Net;
using System.Text.Json;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Rest;

/// <summary>Turns Discord's error bodies into <see cref="DiscordHttpException"/>s with a flat, readable errors list.</summary>
internal static class DiscordErrorReader
{
    public static DiscordErrorBody? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static DiscordHttpException ToException(HttpStatusCode status, DiscordErrorBody? body, string method, string route)
    {
        var code = (DiscordErrorCode)(body?.Code ?? 0);
        var message = body?.Message is { Length: > 0 } text ? text : DefaultMessage(status);
        var errors = body?.Errors is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } tree ? Flatten(tree) : [];
        return new DiscordHttpException(status, code, message, errors, method, route);
    }

    /// <summary>
    /// Flattens Discord's nested <c>errors</c> tree: object keys become <c>.name</c>, numeric keys <c>[n]</c>, and
    /// every <c>_errors</c> array becomes entries at its path.
    /// </summary>
    public static IReadOnlyList<DiscordFieldError> Flatten(JsonElement tree)
    {
        var result = new List<DiscordFieldError>();
        Walk(tree, "", result);
        return result;
    }

    private static void Walk(JsonElement node, string path, List<DiscordFieldError> result)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) ? c.ToString() : "";
                    var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
                    result.Add(new DiscordFieldError(path, code, message));
                }

                continue;
            }

            var name = property.Name;
            var child = name.Length > 0 && name.All(char.IsAsciiDigit)
                ? $"{path}[{name}]"
                : path.Length == 0 ? name : $"{path}.{name}";
            Walk(property.Value, child, result);
        }
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.RequestEntityTooLarge => "Request entity too large",
        HttpStatusCode.TooManyRequests => "Too many requests",
        _ => "no JSON error body",
    };
}
