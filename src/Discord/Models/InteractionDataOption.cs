using System.Globalization;
using System.Text.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// One option the user filled in. Subcommands and groups carry nested <see cref="Options"/>; leaf options carry
/// <see cref="Value"/> (a string, integer, number or boolean; a snowflake string for users, roles and attachments).
/// </summary>
public sealed class InteractionDataOption
{
    public string Name { get; init; } = "";

    public ApplicationCommandOptionType Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>True for the option being typed in an autocomplete interaction.</summary>
    public bool? Focused { get; init; }

    /// <summary>The value as text (numbers and booleans in invariant form).</summary>
    public string? AsString() => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Null } => null,
        var v => v.Value.GetRawText(),
    };

    /// <summary>The value of an INTEGER option.</summary>
    public long? AsInteger() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The value of a NUMBER (or INTEGER) option.</summary>
    public double? AsNumber() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The value of a BOOLEAN option.</summary>
    public bool? AsBoolean() => Value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The id value of USER, ROLE, CHANNEL, MENTIONABLE and ATTACHMENT options.</summary>
    public ulong? AsSnowflake() =>
        ulong.TryParse(AsString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
