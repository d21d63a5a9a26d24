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
}
