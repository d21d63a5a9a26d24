namespace SeedreamBot.Discord.Models;

/// <summary>Slash command, user context-menu command or message context-menu command.</summary>
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}
