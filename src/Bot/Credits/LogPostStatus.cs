namespace SeedreamBot.Bot.Credits;

/// <summary>What became of a notice meant for the guild's log channel.</summary>
public enum LogPostStatus
{
    /// <summary>The guild has no log channel.</summary>
    NoChannel,

    Posted,

    /// <summary>Discord refused or could not be reached; the moderator's command still succeeded.</summary>
    Failed,
}
