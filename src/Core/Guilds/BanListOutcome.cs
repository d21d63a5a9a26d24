namespace SeedreamBot.Core.Guilds;

public enum BanListOutcome
{
    Added,
    AlreadyPresent,
    Removed,
    NotFound,

    /// <summary>The term is empty, too long, or has no letter or digit.</summary>
    Invalid,

    /// <summary>The guild already has <see cref="PromptBanList.MaxTerms"/> terms.</summary>
    Full,
}
