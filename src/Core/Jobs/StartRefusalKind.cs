namespace SeedreamBot.Core.Jobs;

/// <summary>Why a generation was not started. None of these costs the member anything.</summary>
public enum StartRefusalKind
{
    /// <summary>The bot is restarting and takes no new work.</summary>
    ShuttingDown,

    /// <summary>The prompt contains a term on the guild's ban list.</summary>
    BannedPrompt,

    /// <summary>The member already has the most unfinished generations allowed.</summary>
    QueueFull,

    /// <summary>A moderator blocked the member.</summary>
    Blocked,

    /// <summary>The member cannot afford it.</summary>
    InsufficientCredits,

    /// <summary>Direct messages have no allowance.</summary>
    DirectMessagesDisabled,

    /// <summary>The bot-wide daily Apiframe budget is used up.</summary>
    BudgetExhausted,

    /// <summary>The server's budget for this period is used up (or is 0); see <see cref="StartRefusal.Pool"/>.</summary>
    ServerBudgetExhausted,
}
