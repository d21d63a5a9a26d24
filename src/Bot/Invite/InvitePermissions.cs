using System.Globalization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Invite;

/// <summary>
/// The permissions the bot needs where members use it, which the invite link asks for: View Channel (a private channel,
/// the quota log channel, and results posted as channel messages once the 15-minute interaction token has expired),
/// Send Messages and Send Messages in Threads (those posts, in channels and in threads), Embed Links (results are
/// embeds), Attach Files (the image) and Read Message History (after a restart or an upload whose answer was lost,
/// the bot looks among the channel's messages since the request for a result it may already have posted, so it never
/// posts an image twice; without it Discord returns no messages). Nothing more: it manages nothing, mentions only the
/// member.
/// </summary>
public static class InvitePermissions
{
    public const Permissions Required =
        Permissions.ViewChannel | Permissions.SendMessages | Permissions.SendMessagesInThreads | Permissions.EmbedLinks | Permissions.AttachFiles
        | Permissions.ReadMessageHistory;

    /// <summary>The integer of the invite link (274878024704).</summary>
    public static ulong Integer => (ulong)Required;

    /// <summary>The OAuth2 link that adds the bot with its commands and exactly <see cref="Required"/>.</summary>
    public static string InviteUrl(ulong applicationId) => string.Create(
        CultureInfo.InvariantCulture,
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={Integer}");

    /// <summary>
    /// What the bot lacks, given its permissions in a channel of <paramref name="channelType"/>: in a thread it posts
    /// with Send Messages in Threads, elsewhere with Send Messages. None for an administrator.
    /// </summary>
    public static Permissions MissingIn(Permissions granted, ChannelType? channelType)
    {
        var needed = channelType is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread
            ? Required & ~Permissions.SendMessages
            : Required & ~Permissions.SendMessagesInThreads;
        return granted.Missing(needed);
    }

    /// <summary>Discord's own names for the permissions, as server settings show them, in bit order.</summary>
    public static IReadOnlyList<string> Names(Permissions permissions)
    {
        var names = new List<string>();
        foreach (var (flag, name) in DisplayNames)
        {
            if ((permissions & flag) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static readonly (Permissions Flag, string Name)[] DisplayNames =
    [
        (Permissions.ViewChannel, "View Channel"),
        (Permissions.SendMessages, "Send Messages"),
        (Permissions.EmbedLinks, "Embed Links"),
        (Permissions.AttachFiles, "Attach Files"),
        (Permissions.ReadMessageHistory, "Read Message History"),
        (Permissions.SendMessagesInThreads, "Send Messages in Threads"),
    ];
}
