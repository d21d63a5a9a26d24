namespace SeedreamBot.Discord.Models;

/// <summary>
/// An option of a slash command: a parameter (string, integer, boolean, user, role, attachment …) or a
/// subcommand/group with nested <see cref="Options"/>. Required options must come before optional ones.
/// </summary>
public sealed class ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>1–32 characters, lowercase, no spaces.</summary>
    public string Name { get; init; } = "";

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>1–100 characters.</summary>
    public string Description { get; init; } = "";

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    /// <summary>Not for subcommands and groups.</summary>
    public bool? Required { get; init; }

    /// <summary>Up to 25, for STRING, INTEGER and NUMBER options.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>For subcommands (parameters) and groups (subcommands).</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>CHANNEL options: which channel types may be picked.</summary>
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    /// <summary>INTEGER and NUMBER options.</summary>
    public double? MinValue { get; init; }

    /// <summary>INTEGER and NUMBER options.</summary>
    public double? MaxValue { get; init; }

    /// <summary>STRING options: 0–6,000.</summary>
    public int? MinLength { get; init; }

    /// <summary>STRING options: 1–6,000.</summary>
    public int? MaxLength { get; init; }

    /// <summary>STRING, INTEGER and NUMBER options without choices.</summary>
    public bool? Autocomplete { get; init; }
}
