namespace SeedreamBot.Discord.Models;

/// <summary>Button styles. 1–4 need a custom_id and send an interaction; Link needs a url and sends none.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}
