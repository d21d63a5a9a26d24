using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SeedreamBot.Fakes.Discord;

/// <summary>Discord's checks of a bulk command overwrite, as 50035 trees.</summary>
internal static partial class FakeCommandRules
{
    public static void Check(FakeErrorTree errors, JsonArray commands)
    {
        if (commands.Count > 130)
        {
            errors.Add("", "BASE_TYPE_MAX_LENGTH", "Must be 130 or fewer in length.");
        }

        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject command)
            {
                errors.Add($"{i}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = FakeMessageRules.Int(command["type"]) ?? 1;
            var name = FakeMessageRules.Text(command["name"]);
            if (type == 1)
            {
                CheckName(errors, $"{i}.name", name);
                errors.BadLength($"{i}.description", FakeMessageRules.Text(command["description"]), 1, 100);
                CheckOptions(errors, $"{i}.options", command["options"] as JsonArray);
            }
            else
            {
                errors.BadLength($"{i}.name", name, 1, 32);
                if (FakeMessageRules.Text(command["description"]) is { Length: > 0 })
                {
                    errors.Add($"{i}.description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description");
                }
            }

            var permissions = command["default_member_permissions"];
            if (permissions is JsonValue value
                && !(value.GetValueKind() == JsonValueKind.String && ulong.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                && value.GetValueKind() != JsonValueKind.Number)
            {
                errors.Add($"{i}.default_member_permissions", "NUMBER_TYPE_COERCE", "Value is not int.");
            }
        }
    }

    private static void CheckOptions(FakeErrorTree errors, string path, JsonArray? options)
    {
        if (options is null)
        {
            return;
        }

        errors.MaxItems(path, options, 25);
        var sawOptional = false;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not JsonObject option)
            {
                continue;
            }

            var type = FakeMessageRules.Int(option["type"]);
            CheckName(errors, $"{path}.{i}.name", FakeMessageRules.Text(option["name"]));
            errors.BadLength($"{path}.{i}.description", FakeMessageRules.Text(option["description"]), 1, 100);
            if (type is 1 or 2)
            {
                CheckOptions(errors, $"{path}.{i}.options", option["options"] as JsonArray);
                continue;
            }

            var required = option["required"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
            if (required && sawOptional)
            {
                errors.Add($"{path}.{i}.required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            sawOptional |= !required;
            if (option["choices"] is JsonArray choices)
            {
                errors.MaxItems($"{path}.{i}.choices", choices, 25);
                for (var c = 0; c < choices.Count; c++)
                {
                    errors.BadLength($"{path}.{i}.choices.{c}.name", FakeMessageRules.Text(choices[c]?["name"]), 1, 100);
                    if (FakeMessageRules.Text(choices[c]?["value"]) is { } text)
                    {
                        errors.BadLength($"{path}.{i}.choices.{c}.value", text, 1, 100);
                    }
                }
            }
        }
    }

    private static void CheckName(FakeErrorTree errors, string path, string? name)
    {
        if (name is null || !NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
