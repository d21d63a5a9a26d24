using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Commands;

/// <summary>Option shapes several commands share, with descriptions from the translation tables.</summary>
public static class CommandOptions
{
    /// <summary>The channel types the bot can post a message to (text, announcement, threads).</summary>
    public static IReadOnlyList<ChannelType> PostableChannels { get; } =
    [
        ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.PublicThread,
        ChannelType.PrivateThread, ChannelType.AnnouncementThread,
    ];

    public static ApplicationCommandOption Subcommand(string name, string descriptionKey, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.Subcommand,
        Name = name,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Options = options.Length == 0 ? null : options,
    };

    /// <summary>An optional channel the bot will post to.</summary>
    public static ApplicationCommandOption PostableChannel(string name, string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.Channel,
        Name = name,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        ChannelTypes = PostableChannels,
    };
}
