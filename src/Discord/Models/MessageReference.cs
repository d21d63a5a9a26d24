namespace SeedreamBot.Discord.Models;

/// <summary>Makes a new message a reply to another one.</summary>
public sealed class MessageReference
{
    public ulong? MessageId { get; init; }

    public ulong? ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    /// <summary>False lets the message be sent as a normal message when the referenced one is gone.</summary>
    public bool? FailIfNotExists { get; init; }
}
