namespace SeedreamBot.Discord.Models;

/// <summary>
/// An interaction (the <c>d</c> of INTERACTION_CREATE): a slash command, a context-menu command, a button press or
/// a modal submit. Answer within 3 seconds through the REST client; <see cref="Token"/> then stays valid for
/// 15 minutes for edits and follow-ups. The token is a credential: <see cref="ToString"/> never prints it.
/// </summary>
public sealed class Interaction
{
    public ulong Id { get; init; }

    public ulong ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public ulong? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>Present in guilds: the invoking member, with <see cref="GuildMember.Permissions"/>.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Present in DMs: the invoking user.</summary>
    public User? User { get; init; }

    /// <summary>The continuation token. Secret: never log it.</summary>
    public string Token { get; init; } = "";

    public int Version { get; init; }

    /// <summary>For component interactions: the message the component is on.</summary>
    public Message? Message { get; init; }

    /// <summary>The bot's permissions where the interaction happened (check AttachFiles and EmbedLinks).</summary>
    public Permissions? AppPermissions { get; init; }

    /// <summary>The invoking user's client language, e.g. <c>en-US</c>.</summary>
    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public InteractionContextType? Context { get; init; }

    /// <summary>The largest file, in bytes, a response to this interaction may upload (boosts and Nitro included).</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>The user who invoked it: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    public User InvokingUser =>
        Member?.User ?? User ?? throw new InvalidOperationException($"Interaction {Id} carries neither member.user nor user.");

    /// <summary>True when it happened in a guild (then <see cref="Member"/> is set).</summary>
    public bool IsInGuild => GuildId is not null;

    /// <summary>The command name (application commands) — the top-level name, not the subcommand.</summary>
    public string? CommandName => Data?.Name;

    /// <summary>The custom_id of the pressed component or submitted modal.</summary>
    public string? CustomId => Data?.CustomId;

    /// <summary>The subcommand group used, if any.</summary>
    public string? SubcommandGroupName =>
        Data?.Options is [{ Type: ApplicationCommandOptionType.SubcommandGroup } group, ..] ? group.Name : null;

    /// <summary>The subcommand used (inside its group, if any), or null for a command without subcommands.</summary>
    public string? SubcommandName
    {
        get
        {
            var options = Data?.Options;
            if (options is [{ Type: ApplicationCommandOptionType.SubcommandGroup } group, ..])
            {
                options = group.Options;
            }

            return options is [{ Type: ApplicationCommandOptionType.Subcommand } sub, ..] ? sub.Name : null;
        }
    }

    /// <summary>The leaf options the user filled in, below any subcommand group and subcommand.</summary>
    public IReadOnlyList<InteractionDataOption> Options
    {
        get
        {
            var options = Data?.Options ?? [];
            while (options is [{ Type: ApplicationCommandOptionType.Subcommand or ApplicationCommandOptionType.SubcommandGroup } nested, ..])
            {
                options = nested.Options ?? [];
            }

            return options;
        }
    }

    /// <summary>The leaf option called <paramref name="name"/>, or null when the user left it out.</summary>
    public InteractionDataOption? GetOption(string name)
    {
        foreach (var option in Options)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    public string? GetString(string name) => GetOption(name)?.AsString();

    public long? GetInteger(string name) => GetOption(name)?.AsInteger();

    public double? GetNumber(string name) => GetOption(name)?.AsNumber();

    public bool? GetBoolean(string name) => GetOption(name)?.AsBoolean();

    /// <summary>An ATTACHMENT option, resolved through <c>data.resolved.attachments</c>.</summary>
    public Attachment? GetAttachment(string name) =>
        GetOption(name)?.AsSnowflake() is { } id && Data?.Resolved?.Attachments?.TryGetValue(id, out var attachment) == true
            ? attachment
            : null;

    /// <summary>A USER option, resolved through <c>data.resolved.users</c>.</summary>
    public User? GetUser(string name) =>
        GetOption(name)?.AsSnowflake() is { } id && Data?.Resolved?.Users?.TryGetValue(id, out var user) == true ? user : null;

    /// <summary>A ROLE option, resolved through <c>data.resolved.roles</c>.</summary>
    public Role? GetRole(string name) =>
        GetOption(name)?.AsSnowflake() is { } id && Data?.Resolved?.Roles?.TryGetValue(id, out var role) == true ? role : null;

    /// <summary>A CHANNEL option, resolved through <c>data.resolved.channels</c>.</summary>
    public Channel? GetChannel(string name) =>
        GetOption(name)?.AsSnowflake() is { } id && Data?.Resolved?.Channels?.TryGetValue(id, out var channel) == true ? channel : null;

    /// <summary>For a message context-menu command: the message it was used on.</summary>
    public Message? TargetMessage =>
        Data?.TargetId is { } id && Data.Resolved?.Messages?.TryGetValue(id, out var message) == true ? message : null;

    /// <summary>For a user context-menu command: the user it was used on.</summary>
    public User? TargetUser =>
        Data?.TargetId is { } id && Data.Resolved?.Users?.TryGetValue(id, out var user) == true ? user : null;

    /// <summary>
    /// For a modal submit: what the user typed into the text input <paramref name="customId"/>, in either layout
    /// (Label-wrapped or action row). Null when there is no such input.
    /// </summary>
    public string? GetModalValue(string customId) => FindTextInput(Data?.Components, customId)?.Value;

    public override string ToString() =>
        $"Interaction {Id} ({Type}{(Data?.Name is { } name ? " /" + name : "")}{(Data?.CustomId is { } id ? " " + id : "")})";

    private static TextInput? FindTextInput(IReadOnlyList<Component>? components, string customId)
    {
        if (components is null)
        {
            return null;
        }

        foreach (var component in components)
        {
            var found = component switch
            {
                TextInput input when string.Equals(input.CustomId, customId, StringComparison.Ordinal) => input,
                ActionRow row => FindTextInput(row.Components, customId),
                Label { Component: { } inner } => FindTextInput([inner], customId),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
