namespace SeedreamBot.Discord.Models;

/// <summary>What kind of interaction arrived.</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
