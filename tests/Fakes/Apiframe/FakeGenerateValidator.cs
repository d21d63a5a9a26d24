using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// Apiframe's validation of <c>POST /v2/images/generate</c> for the Seedream models, written out by hand (the fake must
/// not read ../shared at run time; the contract tests check these rules against the OpenAPI document). Messages
/// follow Zod's wording, since Apiframe validates with Zod; details are keyed by JSON path.
/// </summary>
internal static class FakeGenerateValidator
{
    public const int MaxPromptLength = 2000;

    public const int MaxInputImages = 14;

    /// <summary>Credit cost per model (Apiframe's model pages).</summary>
    public static IReadOnlyDictionary<string, int> CostByModel { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["seedream-5-lite"] = 4,
        ["seedream-4.5"] = 4,
        ["seedream-4"] = 3,
    };

    /// <summary>Per-model <c>size</c> values (the model pages; the schema itself has a free string).</summary>
    private static readonly Dictionary<string, string[]> SizesByModel = new(StringComparer.Ordinal)
    {
        ["seedream-5-lite"] = ["2K", "3K"],
        ["seedream-4.5"] = ["2K", "4K", "custom"],
        ["seedream-4"] = ["1K", "2K", "4K", "custom"],
    };

    private static readonly string[] TopLevelKeys = ["prompt", "model", "webhookUrl", "webhookEvents", "seedreamParams"];

    private static readonly string[] SeedreamKeys =
    [
        "aspect_ratio", "size", "resolution", "width", "height", "image_input", "output_format", "seed",
        "guidance_scale", "enhance_prompt", "use_pre_llm",
    ];

    private static readonly string[] WebhookEvents = ["progress", "completed", "failed"];

    private static readonly string[] OutputFormats = ["jpg", "png"];

    private static readonly string[] AspectRatios = ["match_input_image", "1:1", "4:3", "3:4", "16:9", "9:16", "3:2", "2:3", "21:9"];

    public static Dictionary<string, List<string>> Validate(JsonNode? body, bool strictAspectRatios)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (body is not JsonObject root)
        {
            Add(errors, "body", $"Expected object, received {KindOf(body)}");
            return errors;
        }

        foreach (var (key, _) in root)
        {
            if (!TopLevelKeys.Contains(key, StringComparer.Ordinal))
            {
                Add(errors, key, $"Unrecognized key: \"{key}\"");
            }
        }

        if (!root.TryGetPropertyValue("model", out var modelNode) || modelNode is null)
        {
            Add(errors, "model", "Required");
        }
        else if (!IsString(modelNode, out var model) || !CostByModel.ContainsKey(model))
        {
            Add(errors, "model", "Invalid discriminator value. Expected " + string.Join(" | ", CostByModel.Keys.Select(k => $"'{k}'")));
        }

        ValidatePrompt(root, errors);
        ValidateWebhook(root, errors);

        if (root.TryGetPropertyValue("seedreamParams", out var paramsNode) && paramsNode is not null)
        {
            if (paramsNode is not JsonObject parameters)
            {
                Add(errors, "seedreamParams", $"Expected object, received {KindOf(paramsNode)}");
            }
            else
            {
                ValidateSeedreamParams(parameters, ModelOf(root), strictAspectRatios, errors);
            }
        }
        else if (root.ContainsKey("seedreamParams"))
        {
            Add(errors, "seedreamParams", "Expected object, received null");
        }

        return errors;
    }

    public static string? ModelOf(JsonObject root) =>
        root.TryGetPropertyValue("model", out var node) && IsString(node, out var model) ? model : null;

    private static void ValidatePrompt(JsonObject root, Dictionary<string, List<string>> errors)
    {
        if (!root.TryGetPropertyValue("prompt", out var node) || node is null)
        {
            Add(errors, "prompt", "Required");
        }
        else if (!IsString(node, out var prompt))
        {
            Add(errors, "prompt", $"Expected string, received {KindOf(node)}");
        }
        else if (prompt.Length < 1)
        {
            Add(errors, "prompt", "String must contain at least 1 character(s)");
        }
        else if (prompt.Length > MaxPromptLength)
        {
            Add(errors, "prompt", $"String must contain at most {MaxPromptLength} character(s)");
        }
    }

    private static void ValidateWebhook(JsonObject root, Dictionary<string, List<string>> errors)
    {
        if (root.TryGetPropertyValue("webhookUrl", out var url)
            && (!IsString(url, out var text) || !Uri.TryCreate(text, UriKind.Absolute, out _)))
        {
            Add(errors, "webhookUrl", "Invalid url");
        }

        if (!root.TryGetPropertyValue("webhookEvents", out var eventsNode))
        {
            return;
        }

        if (eventsNode is not JsonArray events)
        {
            Add(errors, "webhookEvents", $"Expected array, received {KindOf(eventsNode)}");
            return;
        }

        if (events.Count == 0)
        {
            Add(errors, "webhookEvents", "Array must contain at least 1 element(s)");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!IsString(events[i], out var name) || !WebhookEvents.Contains(name, StringComparer.Ordinal))
            {
                Add(errors, $"webhookEvents.{i}", "Invalid enum value. Expected 'progress' | 'completed' | 'failed'");
            }
        }
    }

    private static void ValidateSeedreamParams(
        JsonObject parameters, string? model, bool strictAspectRatios, Dictionary<string, List<string>> errors)
    {
        foreach (var (key, _) in parameters)
        {
            if (!SeedreamKeys.Contains(key, StringComparer.Ordinal))
            {
                Add(errors, $"seedreamParams.{key}", $"Unrecognized key: \"{key}\"");
            }
        }

        foreach (var key in (string[])["aspect_ratio", "size", "resolution"])
        {
            if (parameters.TryGetPropertyValue(key, out var node) && !IsString(node, out _))
            {
                Add(errors, $"seedreamParams.{key}", $"Expected string, received {KindOf(node)}");
            }
        }

        if (strictAspectRatios && parameters.TryGetPropertyValue("aspect_ratio", out var aspect) && IsString(aspect, out var ratio)
            && !AspectRatios.Contains(ratio, StringComparer.Ordinal))
        {
            Add(errors, "seedreamParams.aspect_ratio", "Invalid enum value. Expected " + string.Join(" | ", AspectRatios.Select(a => $"'{a}'")));
        }

        if (parameters.TryGetPropertyValue("size", out var sizeNode) && IsString(sizeNode, out var size)
            && model is not null && SizesByModel.TryGetValue(model, out var sizes) && !sizes.Contains(size, StringComparer.Ordinal))
        {
            Add(errors, "seedreamParams.size", $"Invalid size for {model}. Expected " + string.Join(" | ", sizes.Select(s => $"'{s}'")));
        }

        if (parameters.TryGetPropertyValue("output_format", out var formatNode)
            && (!IsString(formatNode, out var format) || !OutputFormats.Contains(format, StringComparer.Ordinal)))
        {
            Add(errors, "seedreamParams.output_format",
                $"Invalid enum value. Expected 'jpg' | 'png', received '{(formatNode is JsonValue ? formatNode.ToJsonString().Trim('"') : KindOf(formatNode))}'");
        }

        foreach (var key in (string[])["width", "height"])
        {
            if (parameters.TryGetPropertyValue(key, out var node))
            {
                CheckNumber(node, $"seedreamParams.{key}", integer: true, 512, 4096, errors);
            }
        }

        if (parameters.TryGetPropertyValue("seed", out var seed))
        {
            CheckNumber(seed, "seedreamParams.seed", integer: true, null, null, errors);
        }

        if (parameters.TryGetPropertyValue("guidance_scale", out var guidance))
        {
            CheckNumber(guidance, "seedreamParams.guidance_scale", integer: false, 1, 10, errors);
        }

        foreach (var key in (string[])["enhance_prompt", "use_pre_llm"])
        {
            if (parameters.TryGetPropertyValue(key, out var node) && node?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Add(errors, $"seedreamParams.{key}", $"Expected boolean, received {KindOf(node)}");
            }
        }

        if (parameters.TryGetPropertyValue("image_input", out var imagesNode))
        {
            ValidateImages(imagesNode, errors);
        }
    }

    private static void ValidateImages(JsonNode? imagesNode, Dictionary<string, List<string>> errors)
    {
        if (imagesNode is not JsonArray images)
        {
            Add(errors, "seedreamParams.image_input", $"Expected array, received {KindOf(imagesNode)}");
            return;
        }

        if (images.Count > MaxInputImages)
        {
            Add(errors, "seedreamParams.image_input", $"Array must contain at most {MaxInputImages} element(s)");
        }

        for (var i = 0; i < images.Count; i++)
        {
            if (!IsString(images[i], out var url))
            {
                Add(errors, $"seedreamParams.image_input.{i}", $"Expected string, received {KindOf(images[i])}");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out _) || url.Any(char.IsWhiteSpace))
            {
                Add(errors, $"seedreamParams.image_input.{i}", "Invalid url");
            }
        }
    }

    private static void CheckNumber(JsonNode? node, string path, bool integer, double? min, double? max, Dictionary<string, List<string>> errors)
    {
        if (node?.GetValueKind() != JsonValueKind.Number)
        {
            Add(errors, path, $"Expected number, received {KindOf(node)}");
            return;
        }

        var value = node.GetValue<double>();
        if (integer && Math.Floor(value) != value)
        {
            Add(errors, path, "Expected integer, received float");
        }

        if (min is { } low && value < low)
        {
            Add(errors, path, string.Create(CultureInfo.InvariantCulture, $"Number must be greater than or equal to {low}"));
        }

        if (max is { } high && value > high)
        {
            Add(errors, path, string.Create(CultureInfo.InvariantCulture, $"Number must be less than or equal to {high}"));
        }
    }

    private static bool IsString(JsonNode? node, out string value)
    {
        if (node?.GetValueKind() == JsonValueKind.String)
        {
            value = node.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "unknown",
    };

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(message);
    }
}
