namespace SeedreamBot.Discord.Models;

/// <summary>Where an interaction happened, and where a global command may be used (<c>contexts</c>).</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDirectMessage = 1,
    PrivateChannel = 2,
}
