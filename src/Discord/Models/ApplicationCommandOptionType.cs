namespace SeedreamBot.Discord.Models;

/// <summary>Option types of slash commands.</summary>
public enum ApplicationCommandOptionType
{
    Subcommand = 1,
    SubcommandGroup = 2,
    String = 3,

    /// <summary>A whole number between -2^53+1 and 2^53-1.</summary>
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,

    /// <summary>A double.</summary>
    Number = 10,
    Attachment = 11,
}
