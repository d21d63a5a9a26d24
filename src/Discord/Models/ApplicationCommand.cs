namespace SeedreamBot.Discord.Models;

/// <summary>
/// A command definition: what the bulk overwrite sends and what Discord returns (then with ids). Slash commands
/// (<see cref="ApplicationCommandType.ChatInput"/>) need a lowercase name and a description; context-menu
/// commands (User, Message) have a display name and an empty description.
/// </summary>
public sealed class ApplicationCommand
{
    /// <summary>Set in responses; in a bulk overwrite, optionally the id of the command being updated.</summary>
    public ulong? Id { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public ulong? ApplicationId { get; init; }

    public ulong? GuildId { get; init; }

    public string Name { get; init; } = "";

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>1–100 characters for slash commands; empty for context-menu commands.</summary>
    public string Description { get; init; } = "";

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>
    /// Who may use it by default (a string bitfield on the wire). <see cref="Permissions.None"/> ("0") means only
    /// administrators (and explicit overrides); null means everyone.
    /// </summary>
    public Permissions? DefaultMemberPermissions { get; init; }

    /// <summary>Where a global command can be used.</summary>
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    /// <summary>Install types a global command is available for.</summary>
    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    public bool? Nsfw { get; init; }

    /// <summary>Set in responses: changes on every update.</summary>
    public ulong? Version { get; init; }

    public override string ToString() => $"{Type ?? ApplicationCommandType.ChatInput} command '{Name}'";
}
