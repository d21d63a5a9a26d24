namespace SeedreamBot.Bot.Credits;

/// <summary>What a moderator did, for the log channel and the confirmation they see.</summary>
public enum ModeratorAction
{
    Grant,
    Take,
    Set,
    Reset,
    Allowance,
    AllowanceClear,
    Block,
    Unblock,
    LogChannelSet,
    LogChannelMoved,
    LogChannelCleared,
    BanListAdd,
    BanListRemove,
}
