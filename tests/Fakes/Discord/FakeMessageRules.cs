using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>Discord's server-side checks of message bodies (content, embeds, components, modals), as 50035 trees.</summary>
internal static class FakeMessageRules
{
    public const int ComponentsV2Flag = 1 << 15;

    public static void CheckMessage(FakeErrorTree errors, string prefix, JsonObject message)
    {
        var content = Text(message["content"]);
        errors.MaxLength($"{prefix}content", content, 2000);
        var flags = Int(message["flags"]) ?? 0;
        var v2 = (flags & ComponentsV2Flag) != 0;

        if (message["embeds"] is JsonArray embeds)
        {
            errors.MaxItems($"{prefix}embeds", embeds, 10);
            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
            {
                if (embeds[i] is JsonObject embed)
                {
                    total += CheckEmbed(errors, $"{prefix}embeds.{i}.", embed);
                }
                else
                {
                    errors.Add($"{prefix}embeds.{i}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                }
            }

            if (total > 6000)
            {
                errors.Add($"{prefix}embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
            }
        }

        if (message["components"] is JsonArray components)
        {
            CheckMessageComponents(errors, $"{prefix}components", components, v2);
        }
    }

    public static bool IsEmpty(JsonObject message, int fileCount) =>
        string.IsNullOrWhiteSpace(Text(message["content"]))
        && message["embeds"] is not JsonArray { Count: > 0 }
        && message["components"] is not JsonArray { Count: > 0 }
        && message["sticker_ids"] is not JsonArray { Count: > 0 }
        && message["poll"] is null
        && fileCount == 0;

    public static void CheckModal(FakeErrorTree errors, JsonObject? data)
    {
        if (data is null)
        {
            errors.Required("data", null);
            return;
        }

        errors.BadLength("data.custom_id", Text(data["custom_id"]), 1, 100);
        errors.BadLength("data.title", Text(data["title"]), 1, 45);
        if (data["components"] is not JsonArray components || components.Count is < 1 or > 5)
        {
            errors.Add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
            return;
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var path = $"data.components.{i}";
            var component = components[i] as JsonObject;
            switch (Int(component?["type"]))
            {
                case 18:
                    errors.BadLength($"{path}.label", Text(component!["label"]), 1, 45);
                    errors.MaxLength($"{path}.description", Text(component["description"]), 100);
                    if (component["component"] is JsonObject inner && Int(inner["type"]) == 4)
                    {
                        CheckTextInput(errors, $"{path}.component", inner, customIds, labelRequired: false);
                    }
                    else if (component["component"] is null)
                    {
                        errors.Required($"{path}.component", null);
                    }

                    break;
                case 1:
                    if (component!["components"] is JsonArray { Count: 1 } row && row[0] is JsonObject input && Int(input["type"]) == 4)
                    {
                        CheckTextInput(errors, $"{path}.components.0", input, customIds, labelRequired: true);
                    }
                    else
                    {
                        errors.Add($"{path}.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 1 in length.");
                    }

                    break;
                case 10:
                    errors.BadLength($"{path}.content", Text(component!["content"]), 1, 4000);
                    break;
                default:
                    errors.Add($"{path}.type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1, 10, 18).");
                    break;
            }
        }
    }

    private static void CheckTextInput(FakeErrorTree errors, string path, JsonObject input, HashSet<string> customIds, bool labelRequired)
    {
        var customId = Text(input["custom_id"]);
        errors.BadLength($"{path}.custom_id", customId, 1, 100);
        if (customId is not null && !customIds.Add(customId))
        {
            errors.Add($"{path}.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }

        if (Int(input["style"]) is not (1 or 2))
        {
            errors.Add($"{path}.style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2).");
        }

        if (labelRequired)
        {
            errors.BadLength($"{path}.label", Text(input["label"]), 1, 45);
        }
        else
        {
            errors.MaxLength($"{path}.label", Text(input["label"]), 45);
        }

        errors.MaxLength($"{path}.value", Text(input["value"]), 4000);
        errors.MaxLength($"{path}.placeholder", Text(input["placeholder"]), 100);
    }

    private static int CheckEmbed(FakeErrorTree errors, string prefix, JsonObject embed)
    {
        var title = Text(embed["title"]);
        var description = Text(embed["description"]);
        errors.MaxLength($"{prefix}title", title, 256);
        errors.MaxLength($"{prefix}description", description, 4096);
        var total = Len(title) + Len(description);
        if (Int(embed["color"]) is { } color && (color < 0 || color > 0xFFFFFF))
        {
            errors.Add($"{prefix}color", "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
        }

        CheckMediaUrl(errors, $"{prefix}image.url", embed["image"]);
        CheckMediaUrl(errors, $"{prefix}thumbnail.url", embed["thumbnail"]);
        if (embed["footer"] is JsonObject footer)
        {
            var text = Text(footer["text"]);
            errors.BadLength($"{prefix}footer.text", text, 1, 2048);
            total += Len(text);
        }

        if (embed["author"] is JsonObject author)
        {
            var name = Text(author["name"]);
            errors.BadLength($"{prefix}author.name", name, 1, 256);
            total += Len(name);
        }

        if (embed["fields"] is JsonArray fields)
        {
            errors.MaxItems($"{prefix}fields", fields, 25);
            for (var i = 0; i < fields.Count; i++)
            {
                var name = Text(fields[i]?["name"]);
                var value = Text(fields[i]?["value"]);
                errors.BadLength($"{prefix}fields.{i}.name", name, 1, 256);
                errors.BadLength($"{prefix}fields.{i}.value", value, 1, 1024);
                total += Len(name) + Len(value);
            }
        }

        return total;
    }

    private static void CheckMediaUrl(FakeErrorTree errors, string path, JsonNode? media)
    {
        if (media is not JsonObject)
        {
            return;
        }

        var url = Text(media["url"]);
        if (url is null)
        {
            errors.Required(path, null);
            return;
        }

        var ok = url.StartsWith("attachment://", StringComparison.Ordinal) && url.Length > "attachment://".Length
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
        if (!ok)
        {
            errors.Add(path, "URL_TYPE_INVALID_SCHEME", "Scheme \"" + url.Split(':')[0] + "\" is not supported. Scheme must be one of ('http', 'https').");
        }
    }

    private static void CheckMessageComponents(FakeErrorTree errors, string path, JsonArray components, bool v2)
    {
        if (!v2)
        {
            errors.MaxItems(path, components, 5);
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var rowPath = $"{path}.{i}";
            var row = components[i] as JsonObject;
            if (Int(row?["type"]) != 1)
            {
                if (!v2)
                {
                    errors.Add($"{rowPath}.type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).");
                }

                continue;
            }

            if (row!["components"] is not JsonArray children || children.Count is < 1 or > 5)
            {
                errors.Add($"{rowPath}.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
                continue;
            }

            for (var j = 0; j < children.Count; j++)
            {
                var childPath = $"{rowPath}.components.{j}";
                if (children[j] is not JsonObject child || Int(child["type"]) != 2)
                {
                    continue;
                }

                var style = Int(child["style"]);
                var customId = Text(child["custom_id"]);
                errors.MaxLength($"{childPath}.label", Text(child["label"]), 80);
                if (style == 5)
                {
                    if (customId is not null)
                    {
                        errors.Add($"{childPath}.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be set on a link button");
                    }

                    var url = Text(child["url"]);
                    if (url is null)
                    {
                        errors.Add($"{childPath}.url", "BUTTON_COMPONENT_URL_REQUIRED", "A url is required");
                    }
                    else
                    {
                        errors.MaxLength($"{childPath}.url", url, 512);
                    }
                }
                else if (style is >= 1 and <= 4)
                {
                    if (customId is null)
                    {
                        errors.Add($"{childPath}.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required");
                    }
                    else
                    {
                        errors.BadLength($"{childPath}.custom_id", customId, 1, 100);
                        if (!customIds.Add(customId))
                        {
                            errors.Add($"{childPath}.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
                        }
                    }
                }
                else if (style != 6)
                {
                    errors.Add($"{childPath}.style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).");
                }
            }
        }
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int? Int(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) ? n
        : node is JsonValue v2 && v2.GetValueKind() == JsonValueKind.Number ? (int)v2.GetValue<double>()
        : null;

    /// <summary>Reads a snowflake given as a string or a number.</summary>
    public static ulong? Snowflake(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            ulong.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<ulong>(out var n) => n,
        _ => null,
    };

    private static int Len(string? text) => text is null ? 0 : FakeErrorTree.Length(text);
}
