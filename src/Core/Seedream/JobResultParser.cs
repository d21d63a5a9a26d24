using System.Text.Json;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Reads image URLs from a job's untyped <c>result</c>. Apiframe's pages disagree on its shape, so every documented
/// one is accepted: <c>{"images":[…]}</c> (current docs), a bare URL string (older docs, webhooks) and a string array.
/// </summary>
internal static class JobResultParser
{
    public static IReadOnlyList<Uri> ImageUrls(JsonElement? result)
    {
        if (result is not { } element)
        {
            return [];
        }

        var urls = new List<Uri>();
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                AddIfUrl(element, urls);
                break;
            case JsonValueKind.Array:
                AddAll(element, urls);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("images") && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        AddAll(property.Value, urls);
                    }
                }

                break;
        }

        return urls;
    }

    private static void AddAll(JsonElement array, List<Uri> urls)
    {
        foreach (var item in array.EnumerateArray())
        {
            AddIfUrl(item, urls);
        }
    }

    // Only absolute http(s) URLs: anything else cannot be downloaded and would fail later with a worse message.
    private static void AddIfUrl(JsonElement item, List<Uri> urls)
    {
        if (item.ValueKind == JsonValueKind.String
            && Uri.TryCreate(item.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            urls.Add(uri);
        }
    }
}
