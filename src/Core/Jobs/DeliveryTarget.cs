namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Where a generation's progress and result go: the interaction that asked for it (its token is valid for 15
/// minutes) and, after that, the channel it came from.
/// </summary>
public sealed class DeliveryTarget
{
    public ulong ApplicationId { get; set; }

    public ulong InteractionId { get; set; }

    /// <summary>The interaction token: a credential for 15 minutes, never logged.</summary>
    public string InteractionToken { get; set; } = "";

    /// <summary>When Discord created the interaction (from its snowflake), which starts the token's 15 minutes.</summary>
    public DateTimeOffset InteractionCreatedAt { get; set; }

    public ulong ChannelId { get; set; }

    /// <summary>0 in direct messages.</summary>
    public ulong GuildId { get; set; }

    /// <summary>The member's Discord locale (e.g. <c>de</c>), for localized text.</summary>
    public string? Locale { get; set; }

    /// <summary>The requester's display name when they asked, for the result's byline.</summary>
    public string RequesterName { get; set; } = "";

    /// <summary>The requester's avatar URL, when they have one.</summary>
    public string? RequesterAvatarUrl { get; set; }

    /// <summary>The per-file upload limit Discord gave with the interaction, in bytes.</summary>
    public long AttachmentSizeLimit { get; set; }
}
