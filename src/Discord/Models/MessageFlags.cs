namespace SeedreamBot.Discord.Models;

/// <summary>Message flags (the ones a bot sets or reads).</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Crossposted = 1 << 0,
    SuppressEmbeds = 1 << 2,
    Urgent = 1 << 4,
    HasThread = 1 << 5,

    /// <summary>Only the invoking user sees it (interaction responses and follow-ups only).</summary>
    Ephemeral = 1 << 6,

    /// <summary>The "is thinking…" state of a deferred interaction response.</summary>
    Loading = 1 << 7,
    SuppressNotifications = 1 << 12,
    IsVoiceMessage = 1 << 13,

    /// <summary>Components V2 layout: content and embeds no longer work.</summary>
    IsComponentsV2 = 1 << 15,
}
