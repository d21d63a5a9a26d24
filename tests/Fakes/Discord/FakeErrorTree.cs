using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// Builds Discord's nested 50035 <c>errors</c> object: <c>{"embeds":{"0":{"title":{"_errors":[{code,message}]}}}}</c>.
/// </summary>
internal sealed class FakeErrorTree
{
    private readonly JsonObject _root = [];

    public bool IsEmpty => _root.Count == 0;

    /// <summary>Adds an error at a dotted path (array indices as numbers, e.g. <c>data.embeds.0.title</c>).</summary>
    public void Add(string path, string code, string message)
    {
        var node = _root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray errors)
        {
            errors = [];
            node["_errors"] = errors;
        }

        errors.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    public void MaxLength(string path, string? value, int max)
    {
        if (value is not null && Length(value) > max)
        {
            Add(path, "BASE_TYPE_MAX_LENGTH", string.Create(CultureInfo.InvariantCulture, $"Must be {max} or fewer in length."));
        }
    }

    public void BadLength(string path, string? value, int min, int max)
    {
        if (value is null)
        {
            Add(path, "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }

        var length = Length(value);
        if (length < min || length > max)
        {
            Add(path, "BASE_TYPE_BAD_LENGTH", string.Create(CultureInfo.InvariantCulture, $"Must be between {min} and {max} in length."));
        }
    }

    public void MaxItems(string path, JsonArray? items, int max)
    {
        if (items is not null && items.Count > max)
        {
            Add(path, "BASE_TYPE_MAX_LENGTH", string.Create(CultureInfo.InvariantCulture, $"Must be {max} or fewer in length."));
        }
    }

    public void Required(string path, JsonNode? value)
    {
        if (value is null)
        {
            Add(path, "BASE_TYPE_REQUIRED", "This field is required");
        }
    }

    public JsonObject ToBody() => new()
    {
        ["message"] = "Invalid Form Body",
        ["code"] = 50035,
        ["errors"] = _root.DeepClone(),
    };

    /// <summary>Discord counts code points.</summary>
    public static int Length(string text)
    {
        var length = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }
}
