namespace SeedreamBot.Discord.Gateway;

/// <summary>Activity types a bot may set.</summary>
public enum GatewayActivityType
{
    Playing = 0,
    Streaming = 1,
    Listening = 2,
    Watching = 3,
    Custom = 4,
    Competing = 5,
}
