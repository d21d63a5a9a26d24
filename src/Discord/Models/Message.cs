using System.Text.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>A message as Discord returns it (channel messages, interaction responses, follow-ups).</summary>
public sealed class Message
{
    public ulong Id { get; init; }

    public ulong ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    public User? Author { get; init; }

    public string Content { get; init; } = "";

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public bool Tts { get; init; }

    public int Type { get; init; }

    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public IReadOnlyList<Component> Components { get; init; } = [];

    public MessageFlags? Flags { get; init; }

    public ulong? WebhookId { get; init; }

    public ulong? ApplicationId { get; init; }

    public MessageInteractionMetadata? InteractionMetadata { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>Echoed back as sent (a string or an integer).</summary>
    public JsonElement? Nonce { get; init; }

    /// <summary>True when only the invoking user can see it.</summary>
    public bool IsEphemeral => Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral);

    /// <summary>A link to the message (guild messages need <see cref="GuildId"/>; DMs use <c>@me</c>).</summary>
    public string JumpUrl => $"https://discord.com/channels/{(GuildId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "@me")}/{ChannelId}/{Id}";

    public override string ToString() => $"Message {Id} in channel {ChannelId}";
}
