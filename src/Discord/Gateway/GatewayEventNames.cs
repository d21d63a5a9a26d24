namespace SeedreamBot.Discord.Gateway;

/// <summary>The dispatch names (<c>t</c>) the bot cares about.</summary>
public static class GatewayEventNames
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string GuildCreate = "GUILD_CREATE";
    public const string InteractionCreate = "INTERACTION_CREATE";
}
