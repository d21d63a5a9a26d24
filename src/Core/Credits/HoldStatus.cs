namespace SeedreamBot.Core.Credits;

public enum HoldStatus
{
    /// <summary>The hold was placed.</summary>
    Placed,

    /// <summary>A hold for this generation id already exists (a retry or a restart); nothing changed.</summary>
    AlreadyHeld,

    /// <summary>A moderator blocked the member.</summary>
    Blocked,

    /// <summary>Allowance plus bonus is below the cost.</summary>
    InsufficientCredits,

    /// <summary>Direct-message use has no allowance (configuration), so it is disabled.</summary>
    DirectMessagesDisabled,

    /// <summary>
    /// The server's pool for this budget period cannot cover the cost (or its budget is 0); the member's own balance
    /// does not matter then. See <see cref="HoldResult.Pool"/> for when it refills.
    /// </summary>
    ServerBudgetExhausted,
}
