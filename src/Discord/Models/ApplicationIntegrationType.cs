namespace SeedreamBot.Discord.Models;

/// <summary>How an app is installed: to a server or to a user (<c>integration_types</c>).</summary>
public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}
