namespace SeedreamBot.Discord.Models;

/// <summary>
/// The <c>data</c> of an interaction. Application commands use <see cref="Name"/>, <see cref="Options"/>,
/// <see cref="Resolved"/> and <see cref="TargetId"/>; components use <see cref="CustomId"/>,
/// <see cref="ComponentType"/> and <see cref="Values"/>; modal submits use <see cref="CustomId"/> and
/// <see cref="Components"/>.
/// </summary>
public sealed class InteractionData
{
    /// <summary>The command id (application commands).</summary>
    public ulong? Id { get; init; }

    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public ResolvedData? Resolved { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>The guild of a guild command.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The user or message a context-menu command was used on.</summary>
    public ulong? TargetId { get; init; }

    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    /// <summary>Selected values of select menus.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The submitted modal's components, carrying the values.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
}
