namespace SeedreamBot.Bot.Hosting;

/// <summary>The bot's own settings in the <c>Discord</c> section (the client library reads the rest of it).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Discord";

    /// <summary>
    /// Guilds to register the commands in (instant updates, for testing). Empty: register globally, which can take
    /// up to an hour to reach every server.
    /// </summary>
    public IReadOnlyList<ulong> GuildIds { get; set; } = [];
}
